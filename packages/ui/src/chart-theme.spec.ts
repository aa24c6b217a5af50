import { readFileSync } from 'node:fs';
import { chartTheme } from '@clinicflow/domain';
import { describe, expect, it } from 'vitest';

// The domain cannot read CSS, so it copies the chart colours; this keeps the copy honest.
const css = readFileSync(new URL('./tokens.css', import.meta.url), 'utf8');
const lightTokens = css.slice(0, css.indexOf('[data-theme='));
const token = (name: string) => lightTokens.match(new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, 'i'))?.[1];

describe('chart colours', () => {
  it.each([
    ['accent', 'cf-color-primary'],
    ['comparison', 'cf-color-border'],
    ['text', 'cf-color-text'],
    ['muted', 'cf-color-text-muted'],
    ['rule', 'cf-color-border'],
    ['grid', 'cf-color-divider'],
    ['background', 'cf-color-bg'],
  ] as const)('%s is the light theme token --%s', (key, name) => {
    expect(chartTheme[key]).toBe(token(name));
  });
});
