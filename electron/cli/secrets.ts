import { readFileSync } from 'node:fs';
import { AppError } from '../errors/app-error.ts';

export interface SecretSource {
  env: string;
  file: string | undefined;
  prompt: string;
}

/** Reads a secret from a file, dropping one trailing newline (as editors and `echo` add). */
function fromFile(path: string): string {
  try {
    return readFileSync(path, 'utf8').replace(/\r?\n$/, '');
  } catch {
    throw new AppError('invalid-input', { detail: 'passphrase file cannot be read' });
  }
}

/** Prompts on the terminal without echo. */
async function fromPrompt(prompt: string): Promise<string> {
  const { stdin, stderr } = process;
  if (!stdin.isTTY) throw new AppError('invalid-input', { detail: 'no passphrase given and no terminal to ask on' });
  stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish(() => resolve(value));
        if (ch === '\u0003') return finish(() => reject(new AppError('cancelled')));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else value += ch;
      }
    };
    const finish = (then: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
      then();
    };
    stdin.on('data', onData);
  });
}

/** The environment variable first, then the file option, then an interactive prompt. */
export async function readSecret(source: SecretSource): Promise<string> {
  const fromEnv = process.env[source.env];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (source.file) return fromFile(source.file);
  return fromPrompt(source.prompt);
}

export const passphrase = (file: string | undefined) =>
  readSecret({ env: 'OMBUDS_PASSPHRASE', file, prompt: 'Passphrase: ' });

export const newPassphrase = (file: string | undefined) =>
  readSecret({ env: 'OMBUDS_NEW_PASSPHRASE', file, prompt: 'New passphrase: ' });
