import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Question, Questionnaire } from '@clinicflow/domain';
import { pdfInfo, pdfText } from '../testing/pdf-inspect.js';
import { sampleIntakeForm, sampleSignature, sampleVisitSummary } from './document.fixtures.js';
import type { IntakeFormInput } from './inputs.js';
import { Layout } from './layout.js';
import { renderDocument } from './render.js';

const dir = mkdtempSync(join(tmpdir(), 'clinicflow-pdf-'));
const onDisk = (pdf: Uint8Array, name: string) => {
  const file = join(dir, name);
  writeFileSync(file, pdf);
  return file;
};
const pagesOf = async (pdf: Uint8Array) => (await pdfText(pdf)).split('\f');
/** Line-to operators in the decompressed content streams: every drawn line segment. */
const lineSegments = (pdf: Uint8Array) => {
  const file = onDisk(pdf, `segments-${Math.random()}.pdf`);
  const plain = execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-']).toString('latin1');
  return { lines: plain.match(/ l\n/g)?.length ?? 0, images: plain.includes('/Subtype /Image') };
};

describe('the filled intake form', () => {
  it('shows every answer in the patient’s language with the clinic’s beside it', async () => {
    const text = await pdfText(await renderDocument(sampleIntakeForm));
    // Demographics, as entered (Vietnamese names extract exactly).
    expect(text).toContain('Thị Hằng Nguyễn');
    expect(text).toContain('12 Đường Lê Lợi, Riverside, CA 92501');
    expect(text).toContain('Trần Văn Minh, 555 010 4477');
    // Questions and answers in Vietnamese, English beneath.
    expect(text).toContain('Tiền sử sức khỏe của bạn');
    expect(text).toContain('Bạn có dị ứng với thuốc nào không?');
    expect(text).toContain('Do you have any allergies to medicines?');
    expect(text).toContain('Penicillin, thuốc giảm đau aspirin');
    expect(text).toContain('Tiểu đường, Huyết áp cao');
    expect(text).toContain('Diabetes, High blood pressure');
    expect(text).toContain('Chưa bao giờ');
    expect(text).toContain('3 / 10');
    expect(text).toContain('2024-05-02');
    // The unanswered optional question is there, marked; the consent with signer, time and version.
    expect(text).toContain('Chưa trả lời');
    expect(text).toContain('Đồng ý điều trị và thông báo quyền riêng tư');
    expect(text).toContain('Nguyễn Thị Hằng');
    expect(text).toContain('2030-01-07 08:59 PST');
    expect(text).toContain('treatment_and_privacy v3');
  });

  it('asks nothing twice in one language: an English patient at an English clinic gets no second line', async () => {
    const english: IntakeFormInput = {
      ...sampleIntakeForm,
      responses: sampleIntakeForm.responses.map((r) => ({ ...r, language: 'en' })),
      consents: [],
    };
    const text = await pdfText(await renderDocument(english));
    expect(text.split('Do you have any allergies to medicines?')).toHaveLength(2);
    expect(text).not.toContain('Bạn có dị ứng');
    expect(text).toContain('No consent was signed for this visit.');
  });

  it('prints the clinic’s own words when the clinic works in Spanish', async () => {
    const spanish: IntakeFormInput = {
      ...sampleIntakeForm,
      clinic: { ...sampleIntakeForm.clinic, language: 'es' },
    };
    const text = await pdfText(await renderDocument(spanish));
    expect(text).toContain('Formulario de admisión');
    expect(text).toContain('¿Tiene alergia a algún medicamento?');
    expect(text).toContain('Página 1 de 2');
  });

  it('draws the signature as vector strokes, not as an image', async () => {
    const signed = lineSegments(await renderDocument(sampleIntakeForm));
    const dot = lineSegments(
      await renderDocument({
        ...sampleIntakeForm,
        consents: sampleIntakeForm.consents.map((c) => ({
          ...c,
          signature: { ...sampleSignature, strokes: [[{ x: 1, y: 1, t: 0 }]] },
        })),
      }),
    );
    const segments = sampleSignature.strokes.reduce((n, s) => n + Math.max(0, s.length - 1), 0);
    expect(signed.lines - dot.lines).toBe(segments);
    expect(signed.images).toBe(false);
  });

  it('never splits a question from its answer, and numbers its pages', async () => {
    const items: Question[] = Array.from({ length: 70 }, (_, i) => ({
      id: `q${i}`,
      type: 'text',
      text: {
        en: `Question number ${i} about your health, asked in some detail so that it wraps onto a second line`,
      },
    }));
    const long: Questionnaire = { ...sampleIntakeForm.responses[0]!.questionnaire, items };
    const answers = Object.fromEntries(items.map((q, i) => [q.id, `Answer ${i}`]));
    const pdf = await renderDocument({
      ...sampleIntakeForm,
      responses: [{ questionnaire: long, answers, language: 'en', submittedAt: '2030-01-07T16:58:00Z' }],
    });
    const pages = await pagesOf(pdf);
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, n) => {
      expect(page).toContain(`Page ${n + 1} of ${pages.length}`);
      // Every page names the clinic and the patient.
      expect(page).toContain('Riverside Family Clinic');
      expect(page).toContain('Patient: Nguyễn, Thị Hằng');
    });
    for (let i = 0; i < items.length; i++) {
      const page = pages.find((p) => p.includes(`Question number ${i} about`))!;
      expect(page, `question ${i}`).toContain(`Answer ${i}`);
    }
  });

  it('is a sound file with its fonts embedded, its metadata, and the clinic’s paper size', async () => {
    const letter = await renderDocument(sampleIntakeForm);
    const a4 = await renderDocument({
      ...sampleIntakeForm,
      clinic: { ...sampleIntakeForm.clinic, paperSize: 'a4' },
    });
    for (const [name, pdf] of [
      ['letter.pdf', letter],
      ['a4.pdf', a4],
    ] as const) {
      const check = spawnSync('qpdf', ['--check', onDisk(pdf, name)]);
      expect(check.status, check.stdout.toString()).toBe(0);
      const fontsTable = execFileSync('pdffonts', [onDisk(pdf, name)])
        .toString()
        .trim()
        .split('\n')
        .slice(2);
      expect(fontsTable.length).toBeGreaterThan(0);
      for (const row of fontsTable) {
        expect(row).toMatch(/DejaVuSans/);
        expect(row).toMatch(/\byes\s+yes\s+yes\b/);
      }
    }
    const info = await pdfInfo(letter);
    expect(info.size).toEqual([612, 792]);
    expect((await pdfInfo(a4)).size).toEqual([595, 842]);
    expect(info.language).toBe('en');
    expect(info.info).toMatchObject({
      Title: 'Intake form — Nguyễn, Thị Hằng',
      Author: 'Riverside Family Clinic',
      Subject: 'Intake form, Visit 2030-01-07',
    });
    const text = await pdfText(letter);
    expect(text).toContain('Generated 2030-01-07 09:42 PST · Rosa Coordinator');
    expect(text).toContain('Document D3F1A2B4-5C6D-4E7F-8A9B-0C1D2E3F4A5B');
  });
});

describe('the visit summary', () => {
  it('lists the timeline and the waits from the status history', async () => {
    const text = await pdfText(await renderDocument(sampleVisitSummary));
    expect(text).toContain('Visit summary');
    expect(text).toContain('Dr. Amara Okafor');
    expect(text).toContain('Exam 2');
    expect(text).toContain('2030-01-07 08:55 PST Arrived');
    expect(text).toContain('2030-01-07 09:40 PST Checked out');
    expect(text).toContain('Arrival against appointment 5 min early');
    expect(text).toContain('Wait (arrival to room) 18 min');
    expect(text).toContain('Cycle time (arrival to check-out) 45 min');
    expect(text).toContain('Page 1 of 1');
  });
});

describe('the layout’s tables', () => {
  it('repeat their header row on every page they run onto', async () => {
    const layout = new Layout({ frame: sampleIntakeForm, title: 'Table', subject: 'Table', patient: null });
    layout.table(
      [
        { header: 'Item code', width: 1 },
        { header: 'Description', width: 3 },
      ],
      Array.from({ length: 120 }, (_, i) => [`R${i}`, `Row ${i}`]),
    );
    const pages = await pagesOf(await layout.finish());
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) expect(page).toContain('Item code Description');
  });
});
