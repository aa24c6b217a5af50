import type { LocalizedText } from './questionnaire';

/** A consent the patient signs: the exact text and version are what the signature refers to. */
export type ConsentDocument = {
  id: string;
  key: string;
  version: number;
  title: LocalizedText;
  body: LocalizedText;
};

/** A touch signature as vector strokes: points in CSS pixels of a `width`×`height` pad, `t` ms since the first. */
export type Signature = { width: number; height: number; strokes: { x: number; y: number; t: number }[][] };

/** A signature worth keeping: on the pad, not a dot, and bounded in size. */
export function signatureProblem(s: Signature): 'empty' | 'too_short' | 'out_of_bounds' | 'too_large' | null {
  const points = s.strokes.reduce((n, stroke) => n + stroke.length, 0);
  if (points === 0) return 'empty';
  if (points > 5000 || s.strokes.length > 100) return 'too_large';
  const inside = s.strokes.every((stroke) =>
    stroke.every((p) => p.x >= 0 && p.y >= 0 && p.x <= s.width && p.y <= s.height),
  );
  if (!inside) return 'out_of_bounds';
  // Ink length: a tap or a tiny scratch is not a signature.
  let length = 0;
  for (const stroke of s.strokes) {
    for (let i = 1; i < stroke.length; i++)
      length += Math.hypot(stroke[i]!.x - stroke[i - 1]!.x, stroke[i]!.y - stroke[i - 1]!.y);
  }
  return length < Math.min(s.width, s.height) * 0.5 ? 'too_short' : null;
}
