import {
  enabledQuestions,
  localize,
  type AnswerValue,
  type Language,
  type LocalizedText,
  type Question,
  type Signature,
} from '@clinicflow/domain';
import type { IntakeFormInput } from './inputs.js';
import { clinicTimeText, ink, Layout, patientName, type Row } from './layout.js';
import { words } from './words.js';

/** A text in the patient's language, and in the clinic's beside it when the two differ. */
function bilingual(
  text: LocalizedText,
  patient: Language,
  clinic: Language,
): { main: string; aside: string | null } {
  const main = localize(text, patient);
  const aside = localize(text, clinic);
  return { main, aside: aside === main ? null : aside };
}

function answerText(item: Question, value: AnswerValue | undefined, language: Language): string | null {
  const w = words[language];
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  const option = (v: string) => {
    const found = item.options?.find((o) => o.value === v);
    return found ? localize(found.text, language) : v;
  };
  switch (item.type) {
    case 'boolean':
      return value ? w.yes : w.no;
    case 'choice':
      return option(String(value));
    case 'multi_choice':
      return (value as string[]).map(option).join(', ');
    case 'scale': {
      const ends = [item.minLabel, item.maxLabel].map((l) => (l ? localize(l, language) : null));
      const max = item.max ?? 10;
      const meaning = value === (item.min ?? 0) ? ends[0] : value === max ? ends[1] : null;
      return `${String(value)} / ${max}${meaning ? ` (${meaning})` : ''}`;
    }
    default:
      return String(value);
  }
}

/** Draws a touch signature as vector strokes, scaled into the box with its proportions kept. */
function drawSignature(
  doc: PDFKit.PDFDocument,
  s: Signature,
  box: { x: number; y: number; w: number; h: number },
) {
  const scale = Math.min(box.w / s.width, box.h / s.height);
  const ox = box.x + (box.w - s.width * scale) / 2;
  const oy = box.y + (box.h - s.height * scale) / 2;
  doc.save().lineWidth(1.3).lineCap('round').lineJoin('round').strokeColor('#102a5c').fillColor('#102a5c');
  for (const stroke of s.strokes) {
    const [first, ...rest] = stroke;
    if (!first) continue;
    if (rest.length === 0) {
      doc.circle(ox + first.x * scale, oy + first.y * scale, 0.8).fill();
      continue;
    }
    doc.moveTo(ox + first.x * scale, oy + first.y * scale);
    for (const p of rest) doc.lineTo(ox + p.x * scale, oy + p.y * scale);
    doc.stroke();
  }
  doc.restore();
}

/** The filled intake form of a visit: one layout for every questionnaire, driven by its definition. */
export function renderIntakeForm(input: IntakeFormInput): Promise<Uint8Array> {
  const clinicLanguage = input.clinic.language;
  const w = words[clinicLanguage];
  const tz = input.clinic.timezone;
  const layout = new Layout({
    frame: input,
    title: `${w.intakeForm} — ${patientName(input.patient)}`,
    subject: `${w.intakeForm}, ${w.visit} ${input.visit.day}`,
    patient: input.patient,
  });
  const p = input.patient;
  const none = w.none;
  layout.title(
    w.intakeForm,
    `${w.visitDay} ${input.visit.day}${input.visit.ticketCode ? ` · ${w.ticket} ${input.visit.ticketCode}` : ''}`,
  );

  layout.section(w.demographics);
  const emergency = [p.emergencyContactName, p.emergencyContactPhone].filter(Boolean).join(', ');
  const insurance = [p.insuranceProvider, p.insuranceMemberId && `${w.memberId} ${p.insuranceMemberId}`]
    .filter(Boolean)
    .join(', ');
  layout.rows([
    { label: w.name, value: `${p.firstName} ${p.lastName}` },
    { label: w.dateOfBirth, value: p.dateOfBirth },
    { label: w.phone, value: p.phone ?? none },
    { label: w.address, value: p.address ?? none },
    { label: w.emergencyContact, value: emergency || none },
    { label: w.insurance, value: insurance || none },
    { label: w.reason, value: input.visit.reason ?? none },
    ...(input.visit.scheduledAt
      ? [{ label: w.appointment, value: clinicTimeText(input.visit.scheduledAt, tz) }]
      : []),
  ]);

  if (input.responses.length === 0) {
    layout.section(w.intakeForm);
    layout.paragraph(w.noResponses, { muted: true });
  }
  for (const response of input.responses) {
    const q = response.questionnaire;
    const lang = response.language;
    const title = bilingual(q.title, lang, clinicLanguage);
    layout.section(
      title.main,
      [
        title.aside,
        w.questionnaireVersion(q.version),
        `${w.answeredAt} ${clinicTimeText(response.submittedAt, tz)}`,
        `${w.answeredIn} ${w.languages[lang]}`,
      ]
        .filter(Boolean)
        .join(' · '),
    );
    const rows: Row[] = enabledQuestions(q, response.answers).map((item) => {
      const label = bilingual(item.text, lang, clinicLanguage);
      const answer = answerText(item, response.answers[item.id], lang);
      const answerInClinic = answerText(item, response.answers[item.id], clinicLanguage);
      return {
        label: label.main,
        labelAside: label.aside,
        value: answer ?? words[lang].notAnswered,
        valueAside: answer !== answerInClinic ? (answerInClinic ?? w.notAnswered) : null,
      };
    });
    layout.rows(rows);
  }

  if (input.consents.length === 0) {
    layout.section(w.consent);
    layout.paragraph(w.noConsent, { muted: true });
  }
  for (const consent of input.consents) {
    const d = consent.document;
    const title = bilingual(d.title, consent.language, clinicLanguage);
    const body = localize(d.body, consent.language);
    const clinicBody = localize(d.body, clinicLanguage);
    const boxHeight = 96;
    // The text the patient signed stays on the page of their signature whenever it fits.
    layout.keepTogether(
      60 +
        layout.textHeight(body) +
        (clinicBody !== body ? layout.textHeight(clinicBody, { small: true }) : 0) +
        boxHeight +
        70,
    );
    layout.section(title.main, [title.aside, `${w.consentVersion} ${d.version}`].filter(Boolean).join(' · '));
    layout.paragraph(body);
    if (clinicBody !== body) layout.paragraph(clinicBody, { muted: true, small: true });
    layout.block(boxHeight + 70, (x, y) => {
      const { doc } = layout;
      const boxWidth = 260;
      doc
        .font('regular')
        .fontSize(8.5)
        .fillColor(ink.muted)
        .text(w.signature, x, y + 4);
      doc
        .rect(x, y + 18, boxWidth, boxHeight)
        .lineWidth(0.6)
        .strokeColor(ink.rule)
        .stroke();
      drawSignature(doc, consent.signature, { x: x + 8, y: y + 26, w: boxWidth - 16, h: boxHeight - 16 });
      const infoX = x + boxWidth + 20;
      const infoWidth = layout.width - boxWidth - 20;
      const facts: [string, string][] = [
        [w.signedBy, consent.signerName],
        [w.signedAt, clinicTimeText(consent.signedAt, tz)],
        [w.consentVersion, `${d.key} v${d.version}`],
      ];
      let at = y + 18;
      for (const [label, value] of facts) {
        doc.font('regular').fontSize(8.5).fillColor(ink.muted).text(label, infoX, at, { width: infoWidth });
        doc
          .font('bold')
          .fontSize(10.5)
          .fillColor(ink.text)
          .text(value, infoX, doc.y + 1, { width: infoWidth });
        at = doc.y + 6;
      }
    });
  }
  return layout.finish();
}
