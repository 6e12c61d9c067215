/* eslint-disable @typescript-eslint/no-explicit-any -- IPC replies are plain JSON, checked by value in the assertions */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createApp } from '../../electron/app.ts';
import { importInBatches } from '../../electron/services/interchange/batched-import.ts';
import { importFile } from '../../electron/services/interchange/import-file.ts';
import { parseInterchange } from '../../electron/services/interchange/json-import.ts';
import { forkParseHost } from '../../electron/services/isolation/node-parse-host.ts';
import { isolatedParseHost, type ParseHost, type WorkerProcess } from '../../electron/services/isolation/parse-host.ts';
import { createVault } from '../../electron/store/vault.ts';
import { runCli } from '../support/cli.ts';
import { scriptedDialogs } from '../support/scripted-dialogs.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';
import { handMadeXlsx, xlsxRow } from '../support/xlsx.ts';
import { passphraseBytes } from '../support/passphrase.ts';

const PASS = 'correct horse battery';
const FIXTURE = readFileSync(new URL('../fixtures/border-detention.json', import.meta.url), 'utf8');
/** A parsing process this small cannot even hold the text of the big file below: it must run out of memory. */
const TINY_HEAP = forkParseHost({ maxHeapMiB: 16 });

/** A valid interchange file of about 40 MiB (600,000 places): harmless, but more than a 16 MiB heap can parse. */
function bigValidJson(): string {
  const path = join(tempDir(), 'many-places.json');
  const places = Array.from({ length: 600_000 }, (_, i) => ({ id: `pl-${i}`, name: `Место ${i}`, kind: 'other', country: 'KZ' }));
  writeFileSync(path, JSON.stringify({ format: 'ombuds-dossier/1', places }));
  return path;
}

function fiftyMillionRows(): string {
  const path = join(tempDir(), 'register.xlsx');
  writeFileSync(path, handMadeXlsx(xlsxRow(1, { A: 'Название', B: 'Дата' }) + xlsxRow(50_000_000, { A: 'Задержание', B: '2024-03-11' })));
  return path;
}

/** Every file of the vault's folder, by name (the readers' shared-memory index, store.db-shm, aside). */
function snapshot(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).filter((name) => !name.endsWith('-shm')).map((name) => [name, readFileSync(join(dir, name))]));
}

function expectSame(before: Map<string, Buffer>, after: Map<string, Buffer>): void {
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [name, bytes] of before) expect(after.get(name)!.equals(bytes), name).toBe(true);
}

async function vaultWithRecords() {
  const dir = tempDir();
  const { vault } = await createVault(dir, PASS, { actor: 'tester', kdf: FAST_KDF });
  await importInBatches(vault.db, parseInterchange(vault.db, FIXTURE), 'tester');
  return { dir, vault };
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The app's services as the window drives them, parsing with `host`. */
async function windowApp(host: ParseHost) {
  const dialogs = scriptedDialogs();
  const app = createApp({ dataDir: tempDir(), dialogs, actor: 'tester', kdf: FAST_KDF, parseHost: host });
  onTestFinished(() => app.dispose());
  const call = (channel: string, input: unknown = {}) => app.router.handle(channel, input) as Promise<{ ok: boolean; value?: any; error?: any }>;
  await call('vault:create', { passphrase: passphraseBytes(PASS) });
  const choose = async (path: string): Promise<string> => {
    dialogs.next.push(path);
    return (await call('import:choose')).value.token;
  };
  const poll = async (jobId: string) => {
    for (;;) {
      const status = (await call('import:status', { jobId })).value;
      if (status.state !== 'running') return status;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  const run = async (path: string) => poll((await call('import:start', { token: await choose(path), mode: 'all-or-nothing' })).value.jobId);
  return { call, choose, poll, run };
}

describe('imports are parsed in an isolated process', () => {
  it('refuses the 1.6 KB workbook with a row numbered 50,000,000 with import-invalid naming the row; the vault is byte-identical', async () => {
    const { dir, vault } = await vaultWithRecords();
    const before = snapshot(dir);
    await expect(importFile(vault.db, { path: fiftyMillionRows(), mode: 'check' }, 'tester')).rejects.toMatchObject({ code: 'import-invalid', detail: expect.stringContaining('row 50000000') });
    expectSame(before, snapshot(dir));
    vault.close();
  });

  it('a file that needs more memory than the parsing process may use ends that process only: import-crashed, nothing written, the vault byte-identical and still open', async () => {
    const { dir, vault } = await vaultWithRecords();
    const path = bigValidJson();
    const before = snapshot(dir);
    await expect(importFile(vault.db, { path, mode: 'all-or-nothing' }, 'tester', { parser: TINY_HEAP })).rejects.toMatchObject({ code: 'import-crashed' });
    expectSame(before, snapshot(dir));
    // The same host parses a small file next: each parse has its own process.
    const small = join(tempDir(), 'dossier.json');
    writeFileSync(small, FIXTURE);
    expect((await importFile(vault.db, { path: small, mode: 'all-or-nothing' }, 'tester', { parser: TINY_HEAP })).counts).toMatchObject({ updated: { incidents: 2 } });
    vault.close();
  });

  it('cancelling kills the parsing process: the parse fails as cancelled, and the process is gone when it does', async () => {
    const csv = join(tempDir(), 'big.csv');
    writeFileSync(csv, `title,startDate\n${Array.from({ length: 100_000 }, (_, i) => `Задержание № ${i},2024-03-11`).join('\n')}\n`);
    const controller = new AbortController();
    let pid: number | undefined;
    const progress: number[] = [];
    const parse = forkParseHost().parse(
      { path: csv, format: 'csv' },
      {
        signal: controller.signal,
        onStarted: (started) => (pid = started),
        // Cancelled on the first progress report: the reader is still at work, whatever the machine's speed.
        onProgress: (rows) => {
          progress.push(rows);
          controller.abort();
        },
      },
    );
    await expect(parse).rejects.toMatchObject({ code: 'cancelled' });
    expect(progress).toHaveLength(1);
    expect(pid).toBeGreaterThan(0);
    expect(isRunning(pid!)).toBe(false);
  });

  it('believes only answers of the right shape from the parsing process, and ends the process whatever it answered', async () => {
    /** A stand-in process that answers `answer` to the parse command and ends when killed. */
    const answering = (answer: unknown): WorkerProcess & { killed: boolean } => {
      let onMessage: (message: unknown) => void = () => undefined;
      let onExit: (how: string) => void = () => undefined;
      const worker = {
        pid: undefined,
        killed: false,
        send: () => queueMicrotask(() => onMessage(answer)),
        onMessage: (listener: (message: unknown) => void) => void (onMessage = listener),
        onExit: (listener: (how: string) => void) => void (onExit = listener),
        kill: () => {
          worker.killed = true;
          queueMicrotask(() => onExit('signal SIGKILL'));
        },
      };
      return worker;
    };
    const parse = async (answer: unknown) => {
      const worker = answering(answer);
      const outcome = await isolatedParseHost(() => worker)
        .parse({ path: 'x.csv', format: 'csv' })
        .then((file) => ({ file }), (error: { code: string }) => ({ code: error.code }));
      expect(worker.killed).toBe(true);
      return outcome;
    };
    const table = { headers: ['a', 'b'], rows: [['x', 'y']], rowNumbers: [2] };
    expect(await parse({ type: 'parsed', file: { format: 'csv', table } })).toEqual({ file: { format: 'csv', table } });
    expect(await parse({ type: 'failed', error: { code: 'import-invalid', detail: 'CSV: line 3: CSV_QUOTE_NOT_CLOSED' } })).toEqual({ code: 'import-invalid' });
    for (const bad of [
      { type: 'parsed', file: { format: 'csv', table: { ...table, rows: [['x', 'y', 'z']] } } },
      { type: 'parsed', file: { format: 'xlsx', table: { ...table, rowNumbers: [] } } },
      { type: 'parsed', file: { format: 'json', json: { issue: { path: 1 } } } },
      { type: 'parsed', file: { format: 'exe' } },
      { type: 'failed', error: { code: 'no-such-code' } },
      'hello',
    ]) {
      expect(await parse(bad)).toEqual({ code: 'internal' });
    }
  });

  it('in the window: a crashed parse fails the job with import-crashed, a workbook beyond the sheet bounds with import-invalid, and the app keeps working', async () => {
    const { call, run } = await windowApp(TINY_HEAP);
    expect(await run(bigValidJson())).toMatchObject({ state: 'failed', error: { code: 'import-crashed' } });
    expect(await run(fiftyMillionRows())).toMatchObject({ state: 'failed', error: { code: 'import-invalid', detail: expect.stringContaining('row 50000000') } });
    expect((await call('places:list')).value).toEqual([]);
    const small = join(tempDir(), 'dossier.json');
    writeFileSync(small, FIXTURE);
    expect((await run(small)).report.counts).toMatchObject({ created: { incidents: 2 } });
  });

  it('in the window: cancelling while the file is read kills the parsing process and the job ends cancelled', async () => {
    // The cancel is sent from the reader's first progress report, so it lands while the file is still being read.
    let onFirstProgress: (() => Promise<unknown>) | null = null;
    let pid: number | undefined;
    const reader = forkParseHost();
    const host: ParseHost = {
      parse: (request, observer = {}) =>
        reader.parse(request, {
          ...observer,
          onStarted: (started) => (pid = started),
          onProgress: (rows) => {
            observer.onProgress?.(rows);
            void onFirstProgress?.();
            onFirstProgress = null;
          },
        }),
    };
    const { call, choose, poll } = await windowApp(host);
    const csv = join(tempDir(), 'big.csv');
    writeFileSync(csv, `Название,Дата\n${Array.from({ length: 100_000 }, (_, i) => `Задержание № ${i},2024-03-11`).join('\n')}\n`);
    const { jobId } = (await call('import:start', { token: await choose(csv), mode: 'check' })).value;
    onFirstProgress = () => call('import:cancel', { jobId });
    expect(await poll(jobId)).toMatchObject({ state: 'cancelled', phase: 'reading' });
    expect(isRunning(pid!)).toBe(false);
  });
});

describe('the parsing worker as the Electron app runs it', () => {
  it('is bundled by the Electron build as one file needing only Node built-ins, and parses a workbook from that bundle', async () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const { buildElectron } = (await import(pathToFileURL(join(root, 'scripts/build-electron.mjs')).href)) as { buildElectron(outdir: string): Promise<void> };
    const out = tempDir();
    await buildElectron(out);
    const bundle = readFileSync(join(out, 'parse-worker.cjs'), 'utf8');
    const required = [...new Set([...bundle.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!))];
    expect(required.filter((name) => !name.startsWith('node:') && !builtinModules.includes(name))).toEqual([]);
    const xlsx = join(tempDir(), 'register.xlsx');
    writeFileSync(xlsx, handMadeXlsx(xlsxRow(1, { A: 'Название', B: 'Дата' }) + xlsxRow(3, { A: 'Задержание', B: '2024-03-11' })));
    const parsed = await forkParseHost({ workerPath: join(out, 'parse-worker.cjs') }).parse({ path: xlsx, format: 'xlsx' });
    expect(parsed).toEqual({ format: 'xlsx', table: { headers: ['Название', 'Дата'], rows: [['Задержание', '2024-03-11']], rowNumbers: [3] } });
  });
});

describe('CLI: imports parsed in a child process', () => {
  it('refuses the 50,000,000-row workbook and a file beyond the parsing heap with exit 10 and clear messages; the vault is byte-identical', async () => {
    const { dir, vault } = await vaultWithRecords();
    vault.close();
    const before = snapshot(dir);
    const asUser = { OMBUDS_PASSPHRASE: PASS };

    const rows = runCli(['import', '--store', dir, fiftyMillionRows()], asUser);
    expect(rows.status).toBe(10);
    expect(rows.stderr).toContain('row 50000000 is beyond the last row a worksheet can have (1048576)');

    const crashed = runCli(['import', '--store', dir, bigValidJson()], { ...asUser, OMBUDS_IMPORT_HEAP_MIB: '16' });
    expect(crashed.status).toBe(10);
    expect(crashed.stderr).toContain('reading the file needed more memory than an import may use');
    // The worker's own crash report (V8's "heap out of memory" and its stack) reaches no terminal.
    expect(crashed.stderr).not.toMatch(/heap|FATAL/i);
    expect(crashed.stderr.trim().split('\n')).toHaveLength(1);

    expect(runCli(['import', '--store', dir, bigValidJson()], { ...asUser, OMBUDS_IMPORT_HEAP_MIB: 'lots' }).status).toBe(64);
    expectSame(before, snapshot(dir));
    expect(existsSync(join(dir, 'store.db'))).toBe(true);
  });
});
