/**
 * How a patient's name is matched at the kiosk: whatever the case, spacing, accents, apostrophes or Unicode form
 * the kiosk's keyboard or the record uses, "Nguyễn" is "nguyen", "Núñez-Ibáñez" is "nunez ibanez", "O’Brien" is
 * "obrien". The date of birth still has to match too.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '') // accents, tones and other combining marks
    .replace(/[đĐ]/g, 'd') // Vietnamese đ has no decomposition
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/['’ʼ`´]/g, '')
    .replace(/[\s\-‐‑–—]+/g, ' ')
    .trim();
}
