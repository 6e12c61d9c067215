import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createVault } from '../../electron/store/vault.ts';
import { exited, waitForLine } from '../support/children.ts';
import { canReadProcessMemory, scanProcessMemory } from '../support/process-memory.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';

// Issue 10, item 4: after lock and garbage collection, nothing in the process's memory may still hold the data key
// or (where the front end kept it as bytes) the passphrase.
const CHILD = fileURLToPath(new URL('../support/children/lock-and-wait.ts', import.meta.url));

/** A passphrase no other process holds (random), with Tajik letters so its UTF-8 and UTF-16 differ from Latin-1's. */
const canaryPassphrase = (label: string) => `canary ${label} ${randomBytes(6).toString('hex')} кӯҳ`;

function secretFile(text: string): string {
  const path = join(tempDir(), 'passphrase.txt');
  writeFileSync(path, text, { mode: 0o600 });
  return path;
}

async function vaultWithKnownKey() {
  const dir = join(tempDir(), 'vault');
  const passphrase = canaryPassphrase('passphrase');
  const { vault } = await createVault(dir, passphrase, { actor: 'tester', kdf: FAST_KDF });
  const dek = Buffer.from(vault.dek);
  vault.close();
  return { dir, passphrase, dek, passphraseFile: secretFile(passphrase) };
}

/** Runs the child in `mode` until it has locked, scans its memory, then lets it exit. */
async function scanAfterLock(mode: 'cli' | 'window', args: string[], patterns: Record<string, Buffer>) {
  // A token only the child's own arguments hold: the scan must find it, or it read nothing that counts.
  const beacon = `scan-beacon-${randomBytes(8).toString('hex')}`;
  const child = spawn(process.execPath, ['--expose-gc', CHILD, mode, ...args, beacon], { stdio: ['pipe', 'pipe', 'pipe'] });
  try {
    await waitForLine(child, (line) => line === 'locked');
    return scanProcessMemory(child.pid!, { ...patterns, beacon: Buffer.from(beacon) });
  } finally {
    child.stdin!.end();
    await exited(child);
  }
}

function keyPatterns(dek: Buffer) {
  const hex = dek.toString('hex');
  return {
    'data key, raw bytes': dek,
    'data key, lower-case hex': Buffer.from(hex),
    'data key, upper-case hex': Buffer.from(hex.toUpperCase()),
    'data key, hex in UTF-16': Buffer.from(hex, 'utf16le'),
  };
}

function passphrasePatterns(passphrase: string, label = 'passphrase') {
  return { [`${label}, UTF-8`]: Buffer.from(passphrase, 'utf8'), [`${label}, UTF-16LE`]: Buffer.from(passphrase, 'utf16le') };
}

describe.skipIf(!canReadProcessMemory)('key material after lock', () => {
  it('CLI: neither the data key nor the passphrase (read as bytes from its file) is left anywhere in memory', async () => {
    const { dir, passphrase, dek, passphraseFile } = await vaultWithKnownKey();
    const { hits, bytesRead } = await scanAfterLock('cli', [dir, passphraseFile], { ...keyPatterns(dek), ...passphrasePatterns(passphrase) });
    expect(bytesRead).toBeGreaterThan(1 << 20);
    expect(hits.beacon?.length).toBeGreaterThan(0);
    delete hits.beacon;
    expect(hits).toEqual({});
  });

  it('window: after unlock and a passphrase change through the router, neither the data key nor either passphrase is left in main', async () => {
    const { dir, passphrase, dek, passphraseFile } = await vaultWithKnownKey();
    const next = canaryPassphrase('new passphrase');
    const patterns = { ...keyPatterns(dek), ...passphrasePatterns(passphrase), ...passphrasePatterns(next, 'new passphrase') };
    const { hits, bytesRead } = await scanAfterLock('window', [dir, passphraseFile, secretFile(next)], patterns);
    expect(bytesRead).toBeGreaterThan(1 << 20);
    expect(hits.beacon?.length).toBeGreaterThan(0);
    delete hits.beacon;
    expect(hits).toEqual({});
  });
});
