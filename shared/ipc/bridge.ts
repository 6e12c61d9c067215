import type { Result } from './result.ts';
import type { Channel, ChannelRequest, ChannelOutput } from './contract.ts';

/** `window.ombuds`: one async function per contract channel, each resolving to a Result value (never throwing). */
export type OmbudsBridge = { [C in Channel]: (input: ChannelRequest<C>) => Promise<Result<ChannelOutput<C>>> };
