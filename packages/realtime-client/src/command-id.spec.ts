import { afterEach, describe, expect, it, vi } from 'vitest';
import { newCommandId } from './command-id';

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newCommandId', () => {
  afterEach(() => vi.unstubAllGlobals());
  it('makes a v4 UUID', () => expect(newCommandId()).toMatch(uuidV4));
  it('makes one without randomUUID (insecure context)', () => {
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', {
      getRandomValues: <T extends ArrayBufferView>(a: T) => real.getRandomValues(a as never) as unknown as T,
    });
    expect(typeof crypto.randomUUID).toBe('undefined');
    expect(newCommandId()).toMatch(uuidV4);
  });
});
