export type Provider = {
  id: string;
  name: string;
  /** The provider's staff account, whose room sessions on the roster say where their patients go. */
  staffId: string | null;
  /** How late this provider is running, as announced by the desk; 0 when on time. */
  delayMinutes: number;
};
