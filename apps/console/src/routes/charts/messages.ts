/** The chart preview's strings. Add a language by adding a catalog with the same keys. */
export const en = {
  title: 'Chart preview',
  intro:
    'Sample figures, not your clinic’s data: how each kind of chart looks on screen and in the PDFs. Each table has the same figures as its chart.',
  failed: 'The chart could not be drawn; the table beside it has the same figures.',
} as const;

export const messages = en;
