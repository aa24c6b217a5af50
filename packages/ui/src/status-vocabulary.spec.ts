/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { roomStatusInfo, statusIconPaths, visitStatusInfo, type StatusTone } from './status-vocabulary';

const css = readFileSync(new URL('./tokens.css', import.meta.url), 'utf8');

/** The custom properties a rule block sets, e.g. the light theme (:root) or [data-theme='dark']. */
function block(selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  const body = css.slice(start, css.indexOf('}', start));
  return new Map([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const everyStatus = [...Object.values(visitStatusInfo), ...Object.values(roomStatusInfo)];

describe('status vocabulary', () => {
  it.each([':root', "[data-theme='dark']"])(
    'every tone a status uses is defined in %s and legible across a hallway (contrast 7:1 or more)',
    (selector) => {
      const vars = block(selector);
      const tones = new Set<StatusTone>(everyStatus.map((s) => s.tone));
      for (const tone of tones) {
        const bg = vars.get(`--cf-tone-${tone}-bg`);
        const fg = vars.get(`--cf-tone-${tone}-fg`);
        expect(bg, `${tone} bg`).toMatch(/^#[0-9a-f]{6}$/i);
        expect(fg, `${tone} fg`).toMatch(/^#[0-9a-f]{6}$/i);
        expect(contrast(bg!, fg!), `${tone} in ${selector}`).toBeGreaterThanOrEqual(7);
      }
    },
  );

  it('says each status in its own word, with an icon that is drawn', () => {
    for (const info of [visitStatusInfo, roomStatusInfo]) {
      const words = Object.values(info).map((s) => s.word);
      expect(new Set(words).size).toBe(words.length);
    }
    for (const s of everyStatus) expect(statusIconPaths[s.icon]).toMatch(/^M/);
  });
});
