import { describe, expect, it } from 'vitest';
import type { Command } from '@clinicflow/contracts';
import { Outbox, outboxMaxAgeMs } from './outbox';

function memory() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

const checkIn = (commandId: string): Command => ({
  type: 'CheckInPatient',
  commandId,
  visitId: '00000000-0000-4000-8000-000000000009',
});

describe('Outbox', () => {
  it('keeps one command across a reload until it is delivered', () => {
    const store = memory();
    new Outbox(store).put(checkIn('a'), 1000);
    const reloaded = new Outbox(store);
    expect(reloaded.get(2000)?.command).toEqual(checkIn('a'));
    reloaded.clear('a');
    expect(reloaded.get(3000)).toBeNull();
    expect(store.data.size).toBe(0);
  });

  it('does not clear a newer command when an older one is acknowledged', () => {
    const store = memory();
    const outbox = new Outbox(store);
    outbox.put(checkIn('a'), 1000);
    outbox.put(checkIn('b'), 1001);
    outbox.clear('a');
    expect(outbox.get(1002)?.command.commandId).toBe('b');
  });

  it('drops stale or unreadable entries', () => {
    const store = memory();
    const outbox = new Outbox(store);
    outbox.put(checkIn('a'), 0);
    expect(outbox.get(outboxMaxAgeMs + 1)).toBeNull();
    store.setItem('clinicflow.kiosk.outbox', '{not json');
    expect(outbox.get(0)).toBeNull();
    expect(store.data.size).toBe(0);
  });

  it('works without storage', () => {
    const outbox = new Outbox(null);
    outbox.put(checkIn('a'), 0);
    expect(outbox.get(0)).toBeNull();
  });
});
