import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, viewports } from './support/fixtures';

const screenshots = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
// The server's SVG of each sample chart, written by packages/documents/src/charts/golden.spec.ts.
const golden = (name: string) =>
  readFileSync(
    fileURLToPath(new URL(`../packages/documents/src/charts/golden/${name}.svg`, import.meta.url)),
    'utf8',
  );
const samples = ['visitsByHour', 'waitByDay', 'noShowsCompared'];

test.use({ viewport: viewports.console });

/**
 * Normalisation 5: clip-path ids come from one counter per page (the second chart on the console page starts at
 * clip10), so both sides are renumbered in order of first use.
 */
function renumberClips(svg: string): string {
  const ids = new Map<string, number>();
  return svg.replace(/\bclip(\d+)\b/g, (_, n: string) => {
    if (!ids.has(n)) ids.set(n, ids.size + 1);
    return `clip${ids.get(n)}`;
  });
}

/** Where two SVGs first differ, with some context either side (a 20 kB string diff is unreadable). */
function difference(browser: string, server: string): string {
  if (browser === server) return '';
  let at = 0;
  while (browser[at] === server[at]) at++;
  const around = (s: string) => s.slice(Math.max(0, at - 120), at + 120);
  return `at ${at} of ${browser.length}/${server.length}:\nbrowser …${around(browser)}…\nserver  …${around(server)}…`;
}

test('the console draws each chart exactly as the server renders it for the PDFs, beside its table', async ({
  consoleAs,
}) => {
  const page = await consoleAs('admin', { path: '/console/charts' });
  await expect(page.getByRole('heading', { name: 'Chart preview', level: 1 })).toBeVisible();

  for (const name of samples) {
    const figure = page.getByTestId(`chart-${name}`);
    const drawing = figure.getByTestId('chart-drawing');
    await expect(drawing).toHaveAttribute('data-drawn', 'true');
    const server = golden(name);

    const compared = await drawing.evaluate((element, serverSvg) => {
      const xml = (node: Node) => new XMLSerializer().serializeToString(node);
      const parsed = new DOMParser().parseFromString(serverSvg, 'image/svg+xml').documentElement;
      // Normalisation 1: a standalone SVG carries the chart's role and description on its root; in a page Vega puts
      // them on the element it draws into. Move them back and compare them there.
      const moved = ['role', 'aria-roledescription', 'aria-label'].map((a) => {
        const value = parsed.getAttribute(a);
        parsed.removeAttribute(a);
        return [a, value];
      });
      const container = ['role', 'aria-roledescription', 'aria-label'].map((a) => [
        a,
        element.getAttribute(a),
      ]);
      // Normalisation 2: the background. The string renderer paints it as a first <rect>, the DOM renderer as the
      // <svg>'s CSS background (with vertical-align: bottom to sit flush in its box). Take both out; compare colours.
      const backdrop = parsed.firstElementChild;
      const serverBackground = backdrop?.tagName === 'rect' ? backdrop.getAttribute('fill') : null;
      backdrop?.remove();
      const drawn = element.querySelector('svg');
      const svg = drawn?.cloneNode(true) as SVGSVGElement | undefined;
      const browserBackground = svg?.style.backgroundColor ?? null;
      svg?.removeAttribute('style');
      // Normalisation 3: the DOM renderer writes fill="transparent" on a group's unfilled background path where the
      // string renderer leaves the fill out (it inherits the root's fill="none"); both draw nothing.
      svg
        ?.querySelectorAll('path.background[fill="transparent"]')
        .forEach((path) => path.removeAttribute('fill'));
      // Normalisation 4: both sides pass through the browser's one XML serializer, so quoting and empty-element
      // forms are written alike; nothing else is touched.
      return {
        serverXml: xml(parsed),
        browserXml: svg ? xml(svg) : '',
        moved,
        container,
        backgrounds: [serverBackground, browserBackground],
      };
    }, server);
    const browserSvg = renumberClips(compared.browserXml);
    const serverSvg = renumberClips(compared.serverXml);

    expect(compared.container, `${name}: role and description`).toEqual(compared.moved);
    expect(compared.backgrounds, `${name}: background`).toEqual(['#ffffff', 'rgb(255, 255, 255)']);
    expect(browserSvg.length, `${name}: browser drew an SVG`).toBeGreaterThan(1000);
    // Kept beside the test's results, for a diff when they part.
    writeFileSync(test.info().outputPath(`${name}.browser.svg`), browserSvg);
    writeFileSync(test.info().outputPath(`${name}.server.svg`), serverSvg);
    expect(difference(browserSvg, serverSvg), `${name}: the browser's SVG equals the server's`).toBe('');

    // The table beside it holds the same figures, for screen readers and for copying.
    await expect(figure.getByRole('table')).toBeVisible();
  }

  const visits = page.getByTestId('chart-visitsByHour');
  await expect(visits.getByRole('table').locator('caption')).toHaveText(
    'Most patients arrived between 9 and 10 (Tuesday 1 December 2026)',
  );
  await expect(visits.getByRole('row', { name: '09 11' })).toBeVisible();
  await expect(visits.locator('[role="graphics-document"]')).toHaveAttribute(
    'aria-label',
    /^Bar chart\. Most patients/,
  );

  await page.screenshot({ path: `${screenshots}console-charts.png`, fullPage: true, animations: 'disabled' });
});
