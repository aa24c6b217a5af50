import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Language } from '@clinicflow/domain';
import { fonts } from '../fonts/fonts.js';
import type { DocumentFrameInput, PatientIdentifiers } from './inputs.js';
import { words, type Words } from './words.js';

// Read once per process (each worker thread): every document embeds a subset of the same two files.
const fontFiles = { regular: readFileSync(fonts.regular), bold: readFileSync(fonts.bold) };

const pageSizes = { letter: 'LETTER', a4: 'A4' } as const;
const margin = { side: 56, top: 92, bottom: 64 };
export const ink = { text: '#1a1a1a', muted: '#5c5c5c', rule: '#b8b8b8', fill: '#f1f1f1' } as const;
const size = { body: 10.5, small: 8.5, section: 13, title: 18 } as const;

/** A clinic wall-clock time as paperwork prints it: "2030-01-07 09:05 PST". */
export function clinicTimeText(iso: string, timezone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${parts.timeZoneName}`;
}

export const patientName = (p: PatientIdentifiers) => `${p.lastName}, ${p.firstName}`;

export type DocumentSpec = {
  frame: DocumentFrameInput;
  title: string;
  subject: string;
  /** Patient documents name the patient on every page. */
  patient: PatientIdentifiers | null;
};

export type Row = { label: string; labelAside?: string | null; value: string; valueAside?: string | null };
export type Column = { header: string; width: number; align?: 'left' | 'right' };

/**
 * The one page frame every document is drawn in: the clinic header and patient identifiers on each page, the
 * footer (generated-at, document id, "Page N of M"), metadata, and blocks that never break across a page.
 */
export class Layout {
  readonly doc: PDFKit.PDFDocument;
  readonly words: Words;
  readonly language: Language;
  readonly #spec: DocumentSpec;

  constructor(spec: DocumentSpec) {
    this.#spec = spec;
    this.language = spec.frame.clinic.language;
    this.words = words[this.language];
    this.doc = new PDFDocument({
      size: pageSizes[spec.frame.clinic.paperSize],
      margins: { top: margin.top, bottom: margin.bottom, left: margin.side, right: margin.side },
      bufferPages: true,
      font: fontFiles.regular as unknown as string,
      lang: this.language,
      displayTitle: true,
      info: {
        Title: spec.title,
        Author: spec.frame.clinic.name,
        Subject: spec.subject,
        Creator: 'Clinicflow',
        CreationDate: new Date(spec.frame.generatedAt),
      },
    });
    this.doc.registerFont('regular', fontFiles.regular);
    this.doc.registerFont('bold', fontFiles.bold);
    this.doc.on('pageAdded', () => this.#pageHeader());
    this.#pageHeader();
  }

  get width(): number {
    return this.doc.page.width - 2 * margin.side;
  }
  get left(): number {
    return margin.side;
  }
  #bottom(): number {
    return this.doc.page.height - margin.bottom;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > this.#bottom()) this.doc.addPage();
  }

  #pageHeader(): void {
    const { doc } = this;
    const { frame, patient, title } = this.#spec;
    const top = 36;
    doc.font('bold').fontSize(12).fillColor(ink.text);
    doc.text(frame.clinic.name, this.left, top, { width: this.width * 0.6, lineBreak: false });
    doc.font('regular').fontSize(size.small).fillColor(ink.muted);
    doc.text(title, this.left, top + 3, { width: this.width, align: 'right', lineBreak: false });
    if (patient) {
      const w = this.words;
      const line = `${w.patient}: ${patientName(patient)}   ${w.dateOfBirth}: ${patient.dateOfBirth}   ${w.patientId}: ${patient.id.slice(0, 8).toUpperCase()}`;
      doc.text(line, this.left, top + 20, { width: this.width, lineBreak: false });
    }
    doc
      .moveTo(this.left, margin.top - 16)
      .lineTo(this.left + this.width, margin.top - 16)
      .lineWidth(0.75)
      .strokeColor(ink.rule)
      .stroke();
    doc.fillColor(ink.text).font('regular').fontSize(size.body);
    doc.x = this.left;
    doc.y = margin.top;
  }

  title(text: string, subtitle?: string): void {
    const { doc } = this;
    doc
      .font('bold')
      .fontSize(size.title)
      .fillColor(ink.text)
      .text(text, this.left, doc.y, { width: this.width });
    if (subtitle)
      doc.font('regular').fontSize(size.body).fillColor(ink.muted).text(subtitle, { width: this.width });
    doc.moveDown(0.8);
  }

  /** A section heading, kept on the page with at least the first line of what follows it. */
  section(text: string, aside?: string | null): void {
    const { doc } = this;
    doc.font('bold').fontSize(size.section);
    const height = doc.heightOfString(text, { width: this.width }) + 48;
    this.ensure(height);
    doc.moveDown(0.6);
    doc.fillColor(ink.text).text(text, this.left, doc.y, { width: this.width });
    if (aside)
      doc.font('regular').fontSize(size.small).fillColor(ink.muted).text(aside, { width: this.width });
    doc.moveDown(0.3);
    doc.fillColor(ink.text).font('regular').fontSize(size.body);
  }

  #rowHeight(row: Row, labelWidth: number, valueWidth: number): number {
    const { doc } = this;
    const block = (main: string, aside: string | null | undefined, width: number, font: string) => {
      doc.font(font).fontSize(size.body);
      let h = doc.heightOfString(main, { width });
      if (aside) h += doc.font('regular').fontSize(size.small).heightOfString(aside, { width }) + 2;
      return h;
    };
    return Math.max(
      block(row.label, row.labelAside, labelWidth, 'regular'),
      block(row.value, row.valueAside, valueWidth, 'bold'),
    );
  }

  /** Label/answer rows; a row (a question with its answer) is never split by a page break. */
  rows(rows: Row[]): void {
    const { doc } = this;
    const gap = 14;
    const labelWidth = Math.round(this.width * 0.46);
    const valueWidth = this.width - labelWidth - gap;
    for (const row of rows) {
      const height = this.#rowHeight(row, labelWidth, valueWidth) + 8;
      this.ensure(height);
      const y = doc.y + 4;
      const drawBlock = (
        x: number,
        width: number,
        main: string,
        aside: string | null | undefined,
        bold: boolean,
      ) => {
        doc
          .font(bold ? 'bold' : 'regular')
          .fontSize(size.body)
          .fillColor(ink.text)
          .text(main, x, y, { width });
        if (aside)
          doc
            .font('regular')
            .fontSize(size.small)
            .fillColor(ink.muted)
            .text(aside, x, doc.y + 2, { width });
      };
      drawBlock(this.left, labelWidth, row.label, row.labelAside, false);
      drawBlock(this.left + labelWidth + gap, valueWidth, row.value, row.valueAside, true);
      doc.y = y + height - 4;
      doc
        .moveTo(this.left, doc.y)
        .lineTo(this.left + this.width, doc.y)
        .lineWidth(0.4)
        .strokeColor(ink.rule)
        .stroke();
    }
    doc.x = this.left;
    doc.fillColor(ink.text).font('regular').fontSize(size.body);
  }

  /** Running text that may flow over pages (a consent's body); each new page gets the frame. */
  paragraph(text: string, options: { muted?: boolean; small?: boolean } = {}): void {
    const { doc } = this;
    this.ensure(3 * size.body);
    doc
      .font('regular')
      .fontSize(options.small ? size.small : size.body)
      .fillColor(options.muted ? ink.muted : ink.text)
      .text(text, this.left, doc.y, { width: this.width, lineGap: 2 });
    doc.moveDown(0.5);
    doc.fillColor(ink.text).fontSize(size.body);
  }

  /** A table whose header row is repeated at the top of every page it runs onto. */
  table(columns: Column[], rows: string[][]): void {
    const { doc } = this;
    const total = columns.reduce((n, c) => n + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const pad = 4;
    const draw = (cells: string[], header: boolean) => {
      doc.font(header ? 'bold' : 'regular').fontSize(header ? size.small : size.body);
      const height =
        Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 2 * pad }))) + 2 * pad;
      const y = doc.y;
      if (header) doc.rect(this.left, y, this.width, height).fill(ink.fill);
      let x = this.left;
      cells.forEach((cell, i) => {
        doc.fillColor(header ? ink.muted : ink.text).text(cell, x + pad, y + pad, {
          width: widths[i]! - 2 * pad,
          align: columns[i]!.align ?? 'left',
        });
        x += widths[i]!;
      });
      doc.y = y + height;
      doc
        .moveTo(this.left, doc.y)
        .lineTo(this.left + this.width, doc.y)
        .lineWidth(0.4)
        .strokeColor(ink.rule)
        .stroke();
      return height;
    };
    const headers = columns.map((c) => c.header);
    doc.font('bold').fontSize(size.small);
    const headerHeight =
      Math.max(...headers.map((h, i) => doc.heightOfString(h, { width: widths[i]! - 2 * pad }))) + 2 * pad;
    this.ensure(headerHeight + 2 * size.body + 2 * pad);
    draw(headers, true);
    for (const row of rows) {
      doc.font('regular').fontSize(size.body);
      const height =
        Math.max(...row.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 2 * pad }))) + 2 * pad;
      if (doc.y + height > this.#bottom()) {
        doc.addPage();
        draw(headers, true);
      }
      draw(row, false);
    }
    doc.x = this.left;
    doc.moveDown(0.5);
    doc.fillColor(ink.text).font('regular').fontSize(size.body);
  }

  /** The height running text takes at the body width, to keep it together with what follows. */
  textHeight(text: string, options: { small?: boolean } = {}): number {
    this.doc.font('regular').fontSize(options.small ? size.small : size.body);
    return this.doc.heightOfString(text, { width: this.width, lineGap: 2 }) + size.body / 2;
  }

  /** Keeps the next `height` on one page when it fits on a page at all. */
  keepTogether(height: number): void {
    if (height <= this.doc.page.height - margin.top - margin.bottom) this.ensure(height);
  }

  /** Reserves `height` on one page and hands its top-left corner to `draw` (a signature box, a chart). */
  block(height: number, draw: (x: number, y: number) => void): void {
    this.ensure(height);
    const y = this.doc.y;
    draw(this.left, y);
    this.doc.x = this.left;
    this.doc.y = y + height;
  }

  /** Writes each page's footer, now that the page count is known, and returns the finished file. */
  finish(): Promise<Uint8Array> {
    const { doc } = this;
    const { frame } = this.#spec;
    const w = this.words;
    const range = doc.bufferedPageRange();
    const generated = `${w.generated} ${clinicTimeText(frame.generatedAt, frame.clinic.timezone)} · ${frame.generatedBy}`;
    const id = `${w.documentId} ${frame.documentId}`;
    for (let i = 0; i < range.count; i++) {
      doc.switchToPage(range.start + i);
      const y = doc.page.height - margin.bottom + 22;
      // The footer sits in the bottom margin: lift the margin so writing there does not start a page.
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc
        .font('regular')
        .fontSize(size.small - 0.5)
        .fillColor(ink.muted);
      doc.text(generated, this.left, y, { width: this.width * 0.8, lineBreak: false });
      doc.text(id, this.left, y + 11, { width: this.width * 0.8, lineBreak: false });
      doc.text(w.page(i + 1, range.count), this.left, y, {
        width: this.width,
        align: 'right',
        lineBreak: false,
      });
      doc.page.margins.bottom = bottom;
    }
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
      doc.on('error', reject);
      doc.end();
    });
  }
}
