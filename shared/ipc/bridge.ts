import type { Result } from './result.ts';
import type { Channel, ChannelInput, ChannelOutput } from './contract.ts';

/** `window.ombuds`: one async function per contract channel, each resolving to a Result value (never throwing). */
export type OmbudsBridge = { [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>> };
