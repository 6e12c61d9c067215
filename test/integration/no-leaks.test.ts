import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
  });
}

/** Every encoding a canary could take on disk: UTF-8, UTF-16LE (Windows APIs) and UTF-16BE. */
const encodings = (text: string) => [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le'), Buffer.from(text, 'utf16le').swap16()];

describe('nothing leaks to disk', () => {
  it('after a scripted workflow (vault, records, evidence, exports and imports, letters drafted, registered and exported), no canary appears in the data folder, the temp folder or the app\'s own files', () => {
    const root = tempDir();
    const [dataDir, tmp, out, user] = ['data', 'tmp', 'out', 'user'].map((name) => join(root, name)) as [string, string, string, string];
    for (const dir of [tmp, out, user]) mkdirSync(dir);
    const canaries = ['CANARY-7f3a9 Рахимов Ҷамшед', 'CANARY-b21c0 задержан на КПП «Фотех»', 'canary-e5d11 ғӯҳқӣ'];
    const script = fileURLToPath(new URL('../support/children/workflow.ts', import.meta.url));
    const run = spawnSync(process.execPath, [script, dataDir, out, user, ...canaries], {
      env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // The workflow really wrote the canaries and read them back after backup, restore and re-key.
    expect(readFileSync(join(out, 'done.txt'), 'utf8')).toBe(String(canaries.length));
    // …and the record services put them where the user asked (exports, the evidence copy), checking the check.
    expect(readFileSync(join(user, 'export.json'), 'utf8')).toContain(canaries[0]);
    expect(readFileSync(join(user, 'statement-copy.txt'), 'utf8')).toContain(canaries[2]);
    expect(readFileSync(join(user, 'letter-copy.pdf')).subarray(0, 5).toString()).toBe('%PDF-');

    const scanned = [...filesUnder(dataDir), ...filesUnder(tmp), ...filesUnder(out)];
    expect(scanned.some((path) => path.endsWith('store.db'))).toBe(true);
    expect(scanned.some((path) => path.endsWith('.ombudsbackup'))).toBe(true);
    for (const path of scanned) {
      const bytes = readFileSync(path);
      for (const canary of canaries) {
        for (const needle of encodings(canary)) expect(bytes.includes(needle), `${canary} found in ${path}`).toBe(false);
        // A fragment too, in case only part of a page reached the disk.
        expect(bytes.includes(Buffer.from(canary.slice(0, 12))), `fragment of ${canary} in ${path}`).toBe(false);
      }
    }
    // Only the vault's own files live in the data folder.
    expect(readdirSync(dataDir).sort()).toEqual(['store.db', 'vault.json']);
    expect(statSync(join(dataDir, 'store.db')).size).toBeGreaterThan(0);
  });
});
