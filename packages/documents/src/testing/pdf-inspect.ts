import PDFDocument from 'pdfkit';

/** Draws with pdfkit and returns the finished file. */
export function renderToBuffer(
  draw: (doc: PDFKit.PDFDocument) => void,
  options: PDFKit.PDFDocumentOptions = {},
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

/** Every page's text as a PDF reader extracts it (pdfjs), pages joined by a form feed. */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    isEvalSupported: false,
  });
  const doc = await task.promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(''));
  }
  await doc.destroy();
  return pages.join('\f');
}

/** The document's metadata, language and first page size (points), as a PDF reader reports them. */
export async function pdfInfo(pdf: Uint8Array): Promise<{
  info: Record<string, unknown>;
  language: string | null;
  pages: number;
  size: [number, number];
}> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  const meta = await doc.getMetadata();
  const [, , width, height] = (await doc.getPage(1)).view;
  const result = {
    info: meta.info as Record<string, unknown>,
    language: (meta.info as { Language?: string }).Language ?? null,
    pages: doc.numPages,
    size: [Math.round(width!), Math.round(height!)] as [number, number],
  };
  await doc.destroy();
  return result;
}
