import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import type {
  CheckInResult,
  Command,
  CommandResult,
  FindAppointmentResult,
  Intake,
} from '@clinicflow/contracts';
import type { Questionnaire } from '@clinicflow/domain';
import { Preferences } from '$lib/preferences.svelte';
import { CheckInFlow } from './check-in-flow.svelte';

const submit = () => ({ preventDefault() {} }) as SubmitEvent;
const visitId = '00000000-0000-4000-8000-000000000001';
const screening: Questionnaire = {
  id: '00000000-0000-4000-8000-0000000000a1',
  key: 'respiratory',
  version: 1,
  title: { en: 'Screening' },
  appliesTo: ['*'],
  items: [
    {
      id: 'chest_pain',
      type: 'boolean',
      text: { en: 'Chest pain?' },
      required: true,
      urgentWhen: { equals: true },
      urgentLabel: 'Chest pain',
    },
  ],
};
const consent = {
  id: '00000000-0000-4000-8000-0000000000c1',
  key: 'privacy',
  version: 1,
  title: { en: 'Privacy' },
  body: { en: 'We keep your data safe.' },
};
const intake = (o: Partial<Intake> = {}): Intake => ({
  questionnaires: [screening],
  consent,
  askContactDetails: true,
  ...o,
});
const checkedIn = (i: Intake | null): CheckInResult => ({
  visitId,
  ticketCode: 'A-007',
  estimatedMinutes: 10,
  intake: i,
});

/**
 * The kiosk's realtime port, faked: lookups answer with one appointment, commands with what the server would
 * say. Everything else of the flow is real.
 */
function fakeServer(
  o: {
    match?: Partial<Extract<FindAppointmentResult, { ok: true }>['match']>;
    intake?: Intake | null;
    urgent?: boolean;
    /** The server's clock; the test's own when omitted. */
    now?: () => Date;
  } = {},
) {
  const sent: Command[] = [];
  const rt = {
    status: 'live',
    now: o.now ?? (() => new Date()),
    findAppointment: async (): Promise<FindAppointmentResult> => ({
      ok: true,
      match: {
        visitId,
        firstName: 'Ada',
        scheduledAt: '2026-12-01T14:00:00Z',
        status: 'booked',
        survey: null,
        ...o.match,
      },
    }),
    command: async (command: Command): Promise<CommandResult> => {
      sent.push(command);
      const result = (r?: object): CommandResult =>
        ({ ok: true, seq: sent.length, ...(r ? { result: r } : {}) }) as CommandResult;
      if (command.type === 'CheckInPatient' || command.type === 'RegisterWalkIn')
        return result(checkedIn(o.intake ?? null));
      if (command.type === 'SubmitQuestionnaire') return result({ urgent: o.urgent ?? false });
      if (command.type === 'CompleteCheckIn') return result({ ticketCode: 'A-007', estimatedMinutes: 10 });
      return result();
    },
  };
  return { rt, sent };
}

let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());

/** A flow under a rune root, as the kiosk's component would hold it. */
function startFlow(server: ReturnType<typeof fakeServer>) {
  let flow!: CheckInFlow;
  const prefs = new Preferences();
  // A test double of the realtime view: only what the flow calls.
  const rt = server.rt as unknown as ConstructorParameters<typeof CheckInFlow>[0]['rt'];
  cleanup = $effect.root(() => {
    flow = new CheckInFlow({ rt, prefs, timeZone: () => 'America/New_York' });
  });
  return { flow, prefs };
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  flushSync();
};

async function identify(flow: CheckInFlow) {
  flow.identify.startCheckIn();
  flow.patient.lastName = 'Quenneville';
  flow.identify.submitName(submit());
  flow.patient.dob = { day: '14', month: '7', year: '1961' };
  await flow.identify.submitDob(submit());
  expect(flow.step).toBe('confirm');
  flow.identify.confirm();
  await settle();
}

async function answerAndSign(flow: CheckInFlow, chestPain: boolean) {
  expect(flow.step).toBe('contact-ask');
  flow.back('contact');
  flow.patient.contact = { ...flow.patient.contact, phone: '555 010 2030' };
  flow.forms.submitContact(submit());
  flow.forms.submitInsurance(submit());
  await settle();
  expect(flow.step).toBe('question');
  flow.patient.drafts = { ...flow.patient.drafts, [screening.id]: { chest_pain: chestPain } };
  flow.questions.next(submit());
  await settle();
}

describe('the kiosk forgets the patient at every ending', () => {
  it('a ticket: checked in after the forms and the signature, nothing of theirs is kept', async () => {
    const server = fakeServer({ intake: intake() });
    const { flow } = startFlow(server);
    await identify(flow);
    await answerAndSign(flow, false);
    expect(flow.step).toBe('consent');
    flow.patient.signerName = 'Ada Quenneville';
    flow.patient.signature = {
      width: 600,
      height: 200,
      strokes: [
        [
          { x: 10, y: 10, t: 0 },
          { x: 500, y: 150, t: 400 },
        ],
      ],
    };
    expect(flow.holdsPatientData).toBe(true);
    flow.forms.submitConsent(submit());
    await settle();
    expect(flow.step).toBe('ticket');
    expect(flow.forms.ticket?.code).toBe('A-007');
    expect(flow.holdsPatientData).toBe(false);
    expect(server.sent.map((c) => c.type)).toEqual([
      'CheckInPatient',
      'UpdateContactDetails',
      'SubmitQuestionnaire',
      'SignConsent',
      'CompleteCheckIn',
    ]);
  });

  it('an urgent answer: sent to the desk, and the name, date of birth, phone and answers are gone', async () => {
    const { flow } = startFlow(fakeServer({ intake: intake(), urgent: true }));
    await identify(flow);
    await answerAndSign(flow, true);
    expect(flow.step).toBe('urgent');
    expect(flow.holdsPatientData).toBe(false);
    expect([
      flow.patient.lastName,
      flow.patient.phone,
      flow.patient.contact.phone,
      flow.patient.dob.year,
    ]).toEqual(['', '', '', '']);
  });

  it('the satisfaction survey: answered after the visit, then nothing is kept', async () => {
    const survey: Questionnaire = {
      ...screening,
      id: '00000000-0000-4000-8000-0000000000b1',
      key: 'survey',
      purpose: 'survey',
      items: [{ id: 'overall', type: 'scale', text: { en: 'How was it?' }, required: true, min: 1, max: 5 }],
    };
    const { flow } = startFlow(fakeServer({ match: { status: 'checked_out', survey } }));
    flow.identify.startSurveyLookUp();
    flow.patient.lastName = 'Quenneville';
    flow.identify.submitName(submit());
    flow.patient.dob = { day: '14', month: '7', year: '1961' };
    await flow.identify.submitDob(submit());
    expect(flow.step).toBe('question');
    flow.patient.drafts = { ...flow.patient.drafts, [survey.id]: { overall: 5 } };
    flow.questions.next(submit());
    await settle();
    expect(flow.step).toBe('survey-thanks');
    expect(flow.holdsPatientData).toBe(false);
  });

  it('left idle mid-flow, after switching language: the reset forgets the patient and the language', async () => {
    const { flow, prefs } = startFlow(fakeServer({ intake: intake() }));
    await identify(flow);
    prefs.language = 'vi';
    flow.back('contact');
    flow.patient.contact = { ...flow.patient.contact, phone: '555 010 2030', address: '1 Main St' };
    expect(flow.holdsPatientData).toBe(true);
    flow.reset();
    expect(flow.step).toBe('welcome');
    expect(flow.holdsPatientData).toBe(false);
    expect(prefs.language).toBe('en');
  });

  it('a walk-in registered and checked in with no forms due keeps nothing either', async () => {
    const { flow } = startFlow(fakeServer({ intake: null }));
    flow.identify.startWalkIn();
    flow.patient.firstName = 'Walker';
    flow.patient.lastName = 'Inman';
    flow.identify.submitWalkInName(submit());
    flow.patient.dob = { day: '5', month: '4', year: '1990' };
    await flow.identify.submitDob(submit());
    flow.patient.phone = '555 010 4242';
    flow.identify.submitPhone(submit());
    flow.identify.register('illness');
    await settle();
    expect(flow.step).toBe('ticket');
    expect(flow.holdsPatientData).toBe(false);
  });
});

describe("the clinic day is the server's, in the clinic's time zone", () => {
  afterEach(() => (vi.useRealTimers(), vi.unstubAllGlobals()));
  // By the server it is 23:30 on 14 January in New York (the test's clinic).
  const serverNow = () => new Date('2026-01-15T04:30:00Z');
  const enterDob = async (flow: CheckInFlow, day: string) => {
    flow.identify.startCheckIn();
    flow.patient.lastName = 'Quenneville';
    flow.identify.submitName(submit());
    flow.patient.dob = { day, month: '1', year: '2026' };
    await flow.identify.submitDob(submit());
  };

  it('a baby born today is not "in the future" when the kiosk\'s own clock is still on yesterday', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-14T03:00:00Z')); // 22:00 on the 13th in New York
    const { flow } = startFlow(fakeServer({ now: serverNow }));
    await enterDob(flow, '14');
    expect(flow.errors).toEqual([]);
    expect(flow.step).toBe('confirm');
  });

  it("a date of birth tomorrow is refused when the kiosk's own clock is already past midnight", async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-15T12:00:00Z')); // 07:00 on the 15th in New York
    // The flow focuses the first wrong field; these tests have no DOM.
    vi.stubGlobal('document', { getElementById: () => null });
    const { flow } = startFlow(fakeServer({ now: serverNow }));
    await enterDob(flow, '15');
    expect(flow.step).toBe('dob');
    expect(flow.errors.map((e) => e.text(flow.t))).toContain(flow.t.errors.dobInFuture);
  });
});
