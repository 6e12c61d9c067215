import { describe, expect, it } from 'vitest';
import { AppError, toAppError } from '../../electron/errors/app-error.ts';
import { errorLine, exitCodeFor } from '../../electron/cli/messages.ts';
import { errorCodes } from '../../shared/ipc/result.ts';
import { canonicalJson } from '../../electron/store/audit.ts';
import { UnlockThrottle } from '../../electron/services/unlock-throttle.ts';

describe('error mapping', () => {
  it('maps SQLite and file-system codes, extended ones by prefix, and hides unknown messages', () => {
    const coded = (code: string) => Object.assign(new Error('detail with CASE DATA'), { code });
    expect(toAppError(coded('SQLITE_CORRUPT_VTAB')).code).toBe('store-damaged');
    expect(toAppError(coded('SQLITE_NOTADB')).code).toBe('store-damaged');
    expect(toAppError(coded('SQLITE_BUSY')).code).toBe('store-in-use');
    expect(toAppError(coded('SQLITE_FULL')).code).toBe('disk-full');
    expect(toAppError(coded('ENOSPC')).code).toBe('disk-full');
    expect(toAppError(coded('EROFS')).code).toBe('read-only');
    const unknown = toAppError(new Error('Рахимов was here'));
    expect(unknown.code).toBe('internal');
    expect(JSON.stringify(unknown.toValue())).not.toContain('Рахимов');
    const kept = new AppError('too-many-attempts', { retryAfterMs: 4000 });
    expect(toAppError(kept)).toBe(kept);
  });

  it('every error code has a CLI message and an exit code', () => {
    for (const code of errorCodes) {
      expect(errorLine(code)).toMatch(/^ombuds: \S/);
      expect(exitCodeFor(code)).toBeGreaterThan(0);
    }
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every depth so equal values hash equally', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
  });
});

describe('unlock throttle', () => {
  it('allows five free attempts, then doubles the wait up to five minutes', () => {
    let now = 0;
    const throttle = new UnlockThrottle(() => now);
    for (let i = 0; i < 4; i += 1) throttle.recordFailure();
    expect(throttle.retryAfterMs()).toBe(0);
    const waits: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      throttle.recordFailure();
      waits.push(throttle.retryAfterMs());
      now += throttle.retryAfterMs();
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 64000, 128000, 256000, 300000, 300000, 300000]);
    throttle.recordSuccess();
    expect(throttle.failedAttempts).toBe(0);
  });
});
