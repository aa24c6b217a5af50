export type Provider = {
  id: string;
  name: string;
  /** How late this provider is running, as announced by the desk; 0 when on time. */
  delayMinutes: number;
};
