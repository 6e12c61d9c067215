import { contract, passphraseFields, type Channel, type ChannelInput, type ChannelOutput } from '../../shared/ipc/contract.ts';
import { fail, ok, type Result } from '../../shared/ipc/result.ts';
import { toAppError } from '../errors/app-error.ts';

/** One handler per contract channel; a missing one is a compile error. */
export type Handlers = { [C in Channel]: (input: ChannelInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C> };

export interface Router {
  /**
   * Validates `rawInput` against the contract, runs the handler, and returns a Result value. Never throws.
   * Zeroes the input's passphrase bytes when the call ends: a caller passes arrays it will not use again.
   */
  handle(channel: string, rawInput: unknown): Promise<Result<unknown>>;
}

export interface RouterOptions {
  /** Called for every channel except `vault:status`, so polling does not keep the vault awake. */
  onActivity?: () => void;
  /** Receives internal failures for diagnostics; it gets the error code only, never messages or inputs. */
  onInternalError?: (channel: Channel, code: string) => void;
  /** Throws (an AppError) to refuse a channel for now, e.g. writes while an import is being written. */
  guard?: (channel: Channel) => void;
}

const isChannel = (channel: string): channel is Channel => Object.hasOwn(contract, channel);

/**
 * Zeroes the passphrase bytes of a call, however it ended. IPC hands main a fresh copy (a structured clone) that
 * nothing else refers to, and zod passes a Uint8Array through as the same object, so this wipes the very bytes
 * the vault read: the passphrase does not linger in main's heap until the garbage collector reuses the memory.
 */
function zeroPassphrases(channel: Channel, rawInput: unknown): void {
  const fields: readonly string[] = (passphraseFields as Partial<Record<Channel, readonly string[]>>)[channel] ?? [];
  if (typeof rawInput !== 'object' || rawInput === null) return;
  for (const field of fields) {
    const value = (rawInput as Record<string, unknown>)[field];
    if (value instanceof Uint8Array) value.fill(0);
  }
}

export function createRouter(handlers: Handlers, options: RouterOptions = {}): Router {
  async function run(channel: Channel, rawInput: unknown): Promise<Result<unknown>> {
    const parsed = contract[channel].input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      // Only the paths of the offending fields leave main, never their values.
      const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
      return fail({ code: 'invalid-input', detail: fields.slice(0, 500) });
    }
    if (channel !== 'vault:status') options.onActivity?.();
    try {
      options.guard?.(channel);
      const handler = handlers[channel] as (input: unknown) => Promise<unknown> | unknown;
      const value = await handler(parsed.data);
      return ok(contract[channel].output.parse(value));
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'internal') options.onInternalError?.(channel, 'internal');
      return fail(appError.toValue());
    }
  }

  return {
    async handle(channel, rawInput) {
      if (!isChannel(channel)) return fail({ code: 'invalid-input', detail: 'unknown channel' });
      try {
        return await run(channel, rawInput);
      } finally {
        zeroPassphrases(channel, rawInput);
      }
    },
  };
}
