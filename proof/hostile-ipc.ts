import fc from 'fast-check';
import { createApp, type App } from '../electron/app.ts';
import type { Dialogs } from '../electron/ipc/dialogs.ts';
import { tableRowCounts } from '../electron/store/verify.ts';
import { channels, contract, type Channel } from '../shared/ipc/contract.ts';
import { errorCodes } from '../shared/ipc/result.ts';
import { hostileDate, hostileNumber, hostileText, hostileValue, outcome, quotesInput } from './hostile-values.ts';
import { ACTOR, PASSPHRASE, PROOF_KDF } from './vaults.ts';

/** Every dialog cancelled: no channel may reach a file the window names, and none is needed to test inputs. */
const cancellingDialogs: Dialogs = {
  chooseSavePath: async () => null,
  chooseOpenPath: async () => null,
  chooseOpenPaths: async () => [],
  openWithSystem: async () => undefined,
};

/** The passphrase as the contract takes it today: UTF-8 bytes, or text where a channel still takes text. */
function passphraseInput(): unknown {
  const bytes = new TextEncoder().encode(PASSPHRASE);
  return contract['vault:unlock'].input.safeParse({ passphrase: bytes }).success ? bytes : PASSPHRASE;
}

/** An app over the scenario vault, unlocked: the window's router, as Electron's ipcMain calls it. */
export async function unlockedApp(dataDir: string): Promise<App> {
  const app = createApp({ dataDir, dialogs: cancellingDialogs, actor: ACTOR, kdf: PROOF_KDF, idleCheckMs: 3_600_000 });
  const result = await app.router.handle('vault:unlock', { passphrase: passphraseInput() });
  if (!result.ok) throw new Error(`unlock: ${result.error.code}`);
  return app;
}

/** Values that often pass a field's type, so inputs reach the handlers as well as the validation. */
const plausible = fc.oneof(
  fc.constantFrom('in-fotekh-2024-03', 'in-moscow-2024-10', 'ps-rahimov', 'pl-fotekh', 'cp-kz-ombudsman', 'out-1', '2025-01-10', 'ru', 'json', 'incidents', 'appeal', 'pdf'),
  fc.uuid(),
  fc.boolean(),
  fc.integer({ min: 0, max: 100 }),
  fc.uint8Array({ maxLength: 64 }),
  fc.array(fc.constantFrom('in-fotekh-2024-03', 'prolonged-border-detention'), { maxLength: 2 }),
);
const fieldValue = fc.oneof({ weight: 2, arbitrary: plausible }, { weight: 2, arbitrary: hostileValue }, { weight: 1, arbitrary: fc.oneof(hostileText, hostileNumber, hostileDate) });

function fieldsOf(channel: Channel): string[] {
  const shape = (contract[channel].input as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

function inputFor(channel: Channel): fc.Arbitrary<unknown> {
  const fields = fieldsOf(channel);
  const byField = Object.fromEntries(fields.map((field) => [field, fieldValue]));
  return fc.oneof(
    { weight: 1, arbitrary: fc.anything() },
    { weight: 3, arbitrary: fc.record(byField, { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.tuple(fc.record(byField, { requiredKeys: [] }), hostileText, fieldValue).map(([value, key, extra]) => ({ ...value, [key]: extra })) },
  );
}

/**
 * One property per channel: whatever the window sends, the router answers with a Result — never a throw, never
 * `internal` — an error's detail names fields, not the values sent, and a refused call leaves every table's row
 * count as it was.
 */
export function ipcProperties(dataDir: string, appRef: { app: App }): { name: string; property: fc.IAsyncProperty<[unknown]>; runsScale?: number }[] {
  return channels.map((channel) => ({
    name: `IPC ${channel}`,
    runsScale: 0.5,
    property: fc.asyncProperty(inputFor(channel), async (input) => {
      const db = appRef.app.session.store();
      const before = JSON.stringify(tableRowCounts(db));
      let result: Awaited<ReturnType<App['router']['handle']>>;
      try {
        result = await appRef.app.router.handle(channel, input);
      } catch (error) {
        throw new Error(`the router threw: ${(error as Error).name}`);
      }
      if (channel === 'vault:lock' || !isUnlocked(appRef.app)) {
        appRef.app.dispose();
        appRef.app = await unlockedApp(dataDir);
        return;
      }
      if (typeof result !== 'object' || result === null || typeof result.ok !== 'boolean') throw new Error('not a Result');
      outcome(result.ok ? 'IPC: ok' : result.error.code === 'invalid-input' ? 'IPC: refused by the contract (invalid-input)' : 'IPC: refused by the service');
      if (result.ok) return;
      if (!(errorCodes as readonly string[]).includes(result.error.code)) throw new Error(`unknown error code ${result.error.code}`);
      if (result.error.code === 'internal') throw new Error('internal error');
      if (quotesInput(result.error.detail)) throw new Error(`the error detail quotes the input (${result.error.code})`);
      if (JSON.stringify(tableRowCounts(appRef.app.session.store())) !== before) throw new Error(`refused (${result.error.code}) but the store changed`);
    }) as fc.IAsyncProperty<[unknown]>,
  }));
}

function isUnlocked(app: App): boolean {
  try {
    app.session.store();
    return true;
  } catch {
    return false;
  }
}
