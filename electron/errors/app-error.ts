import type { AppErrorValue, ErrorCode } from '../../shared/ipc/result.ts';

/** A failure with a stable code. Messages are never shown to users; the front ends localize by code. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterMs: number | undefined;
  readonly detail: string | undefined;

  constructor(code: ErrorCode, options: { detail?: string; retryAfterMs?: number; cause?: unknown } = {}) {
    super(options.detail ? `${code}: ${options.detail}` : code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.detail = options.detail;
    this.retryAfterMs = options.retryAfterMs;
  }

  toValue(): AppErrorValue {
    return {
      code: this.code,
      ...(this.retryAfterMs === undefined ? {} : { retryAfterMs: this.retryAfterMs }),
      ...(this.detail === undefined ? {} : { detail: this.detail }),
    };
  }
}

const sqliteCodes: Record<string, ErrorCode> = {
  SQLITE_CORRUPT: 'store-damaged',
  SQLITE_NOTADB: 'store-damaged',
  SQLITE_BUSY: 'store-in-use',
  SQLITE_LOCKED: 'store-in-use',
  SQLITE_FULL: 'disk-full',
  SQLITE_READONLY: 'read-only',
  SQLITE_IOERR: 'io-error',
  SQLITE_CANTOPEN: 'io-error',
};

const nodeCodes: Record<string, ErrorCode> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EROFS: 'read-only',
  EACCES: 'read-only',
  EPERM: 'read-only',
  EIO: 'io-error',
};

/**
 * Maps anything thrown below the services to an AppError. SQLite's extended codes (SQLITE_CORRUPT_VTAB,
 * SQLITE_IOERR_WRITE, …) map by their prefix. Unknown failures become `internal` without their message,
 * because a message may quote case data.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  for (const [prefix, mapped] of Object.entries(sqliteCodes)) {
    if (code === prefix || code.startsWith(`${prefix}_`)) return new AppError(mapped, { detail: code, cause: error });
  }
  const nodeCode = nodeCodes[code];
  if (nodeCode) return new AppError(nodeCode, { detail: code, cause: error });
  return new AppError('internal', { cause: error });
}
