import type { OmbudsBridge } from '../shared/ipc/bridge.ts';
import type { Channel, ChannelRequest, ChannelOutput } from '../shared/ipc/contract.ts';
import type { Result } from '../shared/ipc/result.ts';

declare global {
  interface Window {
    /** Provided by the preload (or, in end-to-end tests, by the emulated bridge): one function per channel. */
    ombuds: OmbudsBridge;
  }
}

/** Calls main over the contract. Resolves to a Result; a broken bridge becomes an `internal` error value. */
export async function call<C extends Channel>(channel: C, input: ChannelRequest<C>): Promise<Result<ChannelOutput<C>>> {
  try {
    const fn = window.ombuds[channel] as (input: ChannelRequest<C>) => Promise<Result<ChannelOutput<C>>>;
    return await fn(input);
  } catch {
    return { ok: false, error: { code: 'internal' } };
  }
}
