import type { Router } from '../../electron/ipc/router.ts';

/**
 * Calls a channel through the real router as the window would, returning the value or throwing with the error
 * code. For tests and test children (no vitest import, so a child process can use it too).
 */
export const routerCall =
  (router: Router) =>
  async (channel: string, input: unknown = {}): Promise<unknown> => {
    const result = await router.handle(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}`);
    return result.value;
  };
