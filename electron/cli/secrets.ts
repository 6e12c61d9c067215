import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_PASSPHRASE_BYTES } from '../../shared/domain/vault.ts';
import { AppError } from '../errors/app-error.ts';
import { checksFileModes } from '../services/vault-service.ts';

/**
 * Secrets for the CLI, read as bytes (a Buffer the caller zeroes after use) so that the passphrase never becomes a
 * JS string on its way to the KDF — except from the environment, whose values Node only gives as strings.
 */
export interface SecretSource {
  env: string;
  file: string | undefined;
  /** What the file holds, for messages: "passphrase file". */
  fileLabel: string;
  prompt: string;
}

/** Far above any passphrase a person types; the same limit the window's passphrase bytes have over IPC. */
const MAX_SECRET_BYTES = MAX_PASSPHRASE_BYTES;

/**
 * Reads a secret from a file, dropping one trailing newline (as editors and `echo` add). A file that group or
 * others may read is refused: the secret in it is already exposed to every account on the machine.
 */
function fromFile(path: string, label: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw new AppError('invalid-input', { detail: `${label} cannot be read` });
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new AppError('invalid-input', { detail: `${label} is not a regular file` });
    if (checksFileModes && (stats.mode & 0o077) !== 0) {
      const mode = `0${(stats.mode & 0o777).toString(8)}`;
      throw new AppError('invalid-input', { detail: `${label} can be read by other users (mode ${mode}); make it private with chmod 600` });
    }
    if (stats.size > MAX_SECRET_BYTES) throw new AppError('invalid-input', { detail: `${label} is larger than ${MAX_SECRET_BYTES} bytes` });
    const bytes = Buffer.alloc(stats.size);
    let length = 0;
    while (length < bytes.length) {
      const read = readSync(fd, bytes, length, bytes.length - length, null);
      if (read === 0) break;
      length += read;
    }
    let end = length;
    if (bytes[end - 1] === 0x0a) end -= 1;
    if (end < length && bytes[end - 1] === 0x0d) end -= 1;
    bytes.fill(0, end);
    return bytes.subarray(0, end);
  } finally {
    closeSync(fd);
  }
}

/** Prompts on the terminal without echo, collecting the raw bytes typed (no string is made of them). */
async function fromPrompt(prompt: string): Promise<Buffer> {
  const { stdin, stderr } = process;
  if (!stdin.isTTY) throw new AppError('invalid-input', { detail: 'no passphrase given and no terminal to ask on' });
  stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  const value = Buffer.alloc(MAX_SECRET_BYTES);
  let length = 0;
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      try {
        for (const byte of chunk) {
          if (byte === 0x0d || byte === 0x0a) return finish(() => resolve(value.subarray(0, length)));
          if (byte === 0x03) return finish(() => reject(new AppError('cancelled')), true);
          if (byte === 0x7f || byte === 0x08) {
            // Backspace removes one character: its UTF-8 continuation bytes (10xxxxxx), then its lead byte.
            while (length > 0 && (value[length - 1]! & 0xc0) === 0x80) length -= 1;
            if (length > 0) length -= 1;
            value.fill(0, length);
          } else if (length < value.length) {
            value[length++] = byte;
          } else {
            return finish(() => reject(new AppError('invalid-input', { detail: 'passphrase too long' })), true);
          }
        }
      } finally {
        chunk.fill(0);
      }
    };
    const finish = (then: () => void, discard = false) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
      if (discard) value.fill(0);
      then();
    };
    stdin.on('data', onData);
  });
}

/** The environment variable first, then the file option, then an interactive prompt; the caller zeroes the bytes. */
export async function readSecret(source: SecretSource): Promise<Buffer> {
  const fromEnv = process.env[source.env];
  if (fromEnv !== undefined && fromEnv !== '') return Buffer.from(fromEnv, 'utf8');
  if (source.file) return fromFile(source.file, source.fileLabel);
  return fromPrompt(source.prompt);
}

export const passphrase = (file: string | undefined) =>
  readSecret({ env: 'OMBUDS_PASSPHRASE', file, fileLabel: 'passphrase file', prompt: 'Passphrase: ' });

export const newPassphrase = (file: string | undefined) =>
  readSecret({ env: 'OMBUDS_NEW_PASSPHRASE', file, fileLabel: 'new passphrase file', prompt: 'New passphrase: ' });
