import { describe, expect, it } from 'vitest';
import type { CommandResult, CommandType, InputOf } from '@clinicflow/contracts';
import type { CommandInput } from '@clinicflow/realtime-client';
import { CommandRunner, type CommandPort } from './command-runner.svelte';
import { messages as t } from './messages';

/** The live connection at its port: each command waits until the test answers it. */
class FakeLive implements CommandPort {
  sent: CommandInput[] = [];
  #answers: ((result: CommandResult) => void)[] = [];
  #waiting: (() => void)[] = [];

  commandWhenLive<T extends CommandType>(
    input: { type: T; commandId?: string } & InputOf<T>,
    options: { onWaiting?: () => void } = {},
  ): Promise<CommandResult<T>> {
    this.sent.push(input as CommandInput);
    if (options.onWaiting) this.#waiting.push(options.onWaiting);
    // The test answers each command with what the server would: a result of that command's type.
    return new Promise((resolve) => this.#answers.push(resolve as (result: CommandResult) => void));
  }

  /** The connection dropped: the client holds the command until it is live again. */
  goOffline(): void {
    for (const notify of this.#waiting) notify();
  }

  answer(result: CommandResult): void {
    this.#answers.shift()?.(result);
  }
}

function setup() {
  const live = new FakeLive();
  const shown: string[] = [];
  const runner = new CommandRunner(live, { toasts: { show: (text) => shown.push(text) } });
  return { live, shown, runner };
}

const room = '7a7cf2a4-9c50-4d45-8d5e-1d0d3c9b1f11';
const outOfService: CommandInput = { type: 'TakeRoomOutOfService', roomId: room, version: 3 };

describe('CommandRunner', () => {
  it('marks the target pending while the command is in flight, then shows the success toast', async () => {
    const { live, shown, runner } = setup();
    const done = runner.run(room, outOfService, { success: 'Room 1 is out of service' });
    expect(runner.pending(room)).toBe(true);
    expect(runner.pending('other')).toBe(false);
    expect(live.sent).toEqual([outOfService]);

    live.answer({ ok: true, seq: 12 });
    expect(await done).toEqual({ ok: true, seq: 12 });
    expect(runner.pending(room)).toBe(false);
    expect(runner.refusal(room)).toBeUndefined();
    expect(shown).toEqual(['Room 1 is out of service']);
  });

  it('sends nothing for a target that already has a command in flight (a double click)', async () => {
    const { live, runner } = setup();
    const first = runner.run(room, outOfService, { success: 'done' });
    expect(await runner.run(room, outOfService, { success: 'done' })).toBeNull();
    expect(live.sent).toHaveLength(1);
    live.answer({ ok: true, seq: 1 });
    await first;
  });

  it("shows a refusal next to the control acted on, in the server's words, and no toast", async () => {
    const { live, shown, runner } = setup();
    const done = runner.run(room, outOfService, { success: 'done' });
    live.answer({ ok: false, code: 'ILLEGAL_TRANSITION', message: 'Room 1 is occupied.' });
    await done;
    expect(runner.refusal(room)).toBe('Room 1 is occupied.');
    expect(runner.refusal('another-room')).toBeUndefined();
    expect(shown).toEqual([]);

    runner.dismiss(room);
    expect(runner.refusal(room)).toBeUndefined();
  });

  it("translates the console's own codes and lists a validation refusal's field messages", async () => {
    const { live, runner } = setup();
    const cases: [CommandResult, string][] = [
      [{ ok: false, code: 'STALE_VERSION', message: 'stale' }, t.refused.STALE_VERSION],
      [{ ok: false, code: 'OFFLINE', message: 'offline' }, t.refused.offline],
      [
        {
          ok: false,
          code: 'VALIDATION',
          message: 'minutes: Too big',
          issues: [{ path: 'minutes', message: 'At most 4 hours' }],
        },
        'At most 4 hours',
      ],
    ];
    for (const [failure, text] of cases) {
      const done = runner.run(room, outOfService, { success: 'done' });
      live.answer(failure);
      await done;
      expect(runner.refusal(room)).toBe(text);
    }
  });

  it("uses the page's explanation, given the default one", async () => {
    const { live, runner } = setup();
    const done = runner.run(room, outOfService, {
      success: 'done',
      explain: (failure, text) => (failure.code === 'CONFLICT' ? `${text} Free rooms: 4, 6.` : text),
    });
    live.answer({ ok: false, code: 'CONFLICT', message: 'Room 3 was just taken.' });
    await done;
    expect(runner.refusal(room)).toBe('Room 3 was just taken. Free rooms: 4, 6.');
  });

  it('says "not sent yet" while waiting for the connection, and clears it once the command went through', async () => {
    const { live, shown, runner } = setup();
    const done = runner.run(room, outOfService, { success: 'sent at last' });
    live.goOffline();
    expect(runner.refusal(room)).toBe(t.refused.waiting);
    expect(runner.pending(room)).toBe(true);
    live.answer({ ok: true, seq: 2 });
    await done;
    expect(runner.refusal(room)).toBeUndefined();
    expect(shown).toEqual(['sent at last']);
  });

  it("shows the page's own pre-send problem where a refusal would be, and a new try clears it", async () => {
    const { live, runner } = setup();
    runner.refuse('notice', 'Type the notice');
    expect(runner.refusal('notice')).toBe('Type the notice');
    const done = runner.run(
      'notice',
      { type: 'UpdateDisplaySettings', displayNotice: 'Hi' },
      { success: 'ok' },
    );
    expect(runner.refusal('notice')).toBeUndefined();
    live.answer({ ok: true, seq: 3 });
    await done;
  });
});
