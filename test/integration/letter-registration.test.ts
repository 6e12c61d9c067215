import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registrationSteps, type RegistrationStep } from '../../electron/services/letters/letter-registration.ts';
import { unlockVault } from '../../electron/store/vault.ts';
import type { LetterDraft } from '../../shared/domain/letter-draft.ts';
import { startChild } from '../support/children.ts';
import { copyOfVault, edited, expectNothingRegistered, expectWholeLetter, letterServices, ON, PASS, preparedVault, writeDraft } from '../support/letter-registration.ts';

/** How a child ended, with what it printed. */
function ended(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

/** Registers `draft` in a child process that kills itself (SIGKILL) at `step`, or runs to the end with 'none'. */
async function registerInChild(dir: string, draft: LetterDraft, step: RegistrationStep | 'none') {
  return ended(startChild('register-letter.ts', [dir, PASS, writeDraft(draft), ON, step]));
}

/** Registers in this process, over the vault in `dir`; returns the number. */
async function registerHere(dir: string, draft: LetterDraft): Promise<{ number: string; created: boolean }> {
  const vault = await unlockVault(dir, PASS);
  try {
    const { letter, created } = await letterServices(vault).letters.register(draft, ON);
    return { number: letter.number, created };
  } finally {
    vault.close();
  }
}

// One prepared vault for the file, copied for each test (tempDir's folders last one test only).
let prepared: { dir: string; draft: LetterDraft };
beforeAll(async () => {
  prepared = await preparedVault(mkdtempSync(join(tmpdir(), 'ombuds-letters-')));
});
afterAll(() => rmSync(prepared.dir, { recursive: true, force: true }));

describe('letter registration killed (kill -9) at every step', () => {
  it.each(registrationSteps)('killed at %s: nothing registered and the number still free, or the whole letter', async (step) => {
    const dir = copyOfVault(prepared.dir);
    const killed = await registerInChild(dir, prepared.draft, step);
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    if (step === 'committed') {
      await expectWholeLetter(dir, prepared.draft.id, '01-12/1');
    } else {
      await expectNothingRegistered(dir, prepared.draft.id);
    }
    // The retry of the same draft gives its one number and exactly one PDF and one DOCX matching the frozen Doc.
    expect(await registerHere(dir, prepared.draft)).toEqual({ number: '01-12/1', created: step !== 'committed' });
    await expectWholeLetter(dir, prepared.draft.id, '01-12/1');
  });

  it('runs to the end in the child when not killed', async () => {
    const dir = copyOfVault(prepared.dir);
    const done = await registerInChild(dir, prepared.draft, 'none');
    expect(done).toMatchObject({ code: 0, signal: null, stdout: '01-12/1\n' });
    await expectWholeLetter(dir, prepared.draft.id, '01-12/1');
  });

  it('killed between keeping the PDF and the DOCX, then retried with an edited text: one number, one PDF, one DOCX, all of the edited text', async () => {
    const dir = copyOfVault(prepared.dir);
    expect((await registerInChild(dir, prepared.draft, 'pdf-stored')).signal).toBe('SIGKILL');
    const text = 'Прошу Вас рассмотреть обращение в приоритетном порядке и сообщить о принятых мерах.';
    expect(await registerHere(dir, edited(prepared.draft, text))).toEqual({ number: '01-12/1', created: true });
    const frozen = await expectWholeLetter(dir, prepared.draft.id, '01-12/1');
    expect(JSON.stringify(frozen)).toContain(text);
  });

  it('a draft registered in full and sent again with another text is refused; the letter stays as frozen', async () => {
    const dir = copyOfVault(prepared.dir);
    expect((await registerInChild(dir, prepared.draft, 'committed')).signal).toBe('SIGKILL');
    await expect(registerHere(dir, edited(prepared.draft, 'Другой текст.'))).rejects.toMatchObject({ code: 'invalid-input', detail: expect.stringContaining('already registered with another text') });
    const frozen = await expectWholeLetter(dir, prepared.draft.id, '01-12/1');
    expect(JSON.stringify(frozen)).not.toContain('Другой текст.');
  });
});

describe('letter registration: numbers and files', () => {
  it('a letter registered by hand while the draft was rendering takes the number: the draft is rendered again with the next one', async () => {
    const dir = copyOfVault(prepared.dir);
    const vault = await unlockVault(dir, PASS);
    let interleaved = false;
    const { registry, letters } = letterServices(vault, (step) => {
      if (step !== 'pdf-rendered' || interleaved) return;
      interleaved = true;
      registry.registerOutgoing({ id: 'out-by-hand', date: ON, counterpartId: 'cp-kz-ombudsman', subject: 'По телефону', incidentIds: [] });
    });
    const result = await letters.register(prepared.draft, ON);
    vault.close();
    expect(result.letter.number).toBe('01-12/2');
    const frozen = await expectWholeLetter(dir, prepared.draft.id, '01-12/2');
    expect(JSON.stringify(frozen)).toContain('01-12/2');
  });

  it('two drafts registered at once get consecutive numbers, each stamped into its own files', async () => {
    const dir = copyOfVault(prepared.dir);
    const vault = await unlockVault(dir, PASS);
    const { letters } = letterServices(vault);
    const other = { ...prepared.draft, id: 'letter-second' };
    const [first, second] = await Promise.all([letters.register(prepared.draft, ON), letters.register(other, ON)]);
    const again = await letters.register(prepared.draft, ON);
    vault.close();
    expect([first.letter.number, second.letter.number, again.letter.number, again.created]).toEqual(['01-12/1', '01-12/2', '01-12/1', false]);
  });

  it('completes a letter an earlier version numbered but never froze: its number kept, its stray PDF replaced', async () => {
    const dir = copyOfVault(prepared.dir);
    const vault = await unlockVault(dir, PASS);
    const { registry, files, letters } = letterServices(vault);
    // What the earlier version left when cut off after its PDF: the letter numbered, a PDF of another text, no Doc.
    registry.registerOutgoing({ id: prepared.draft.id, date: ON, counterpartId: 'cp-kz-ombudsman', subject: 'x', incidentIds: ['in-fotekh-2024-03'] });
    vault.db.transaction(() => files.keep(prepared.draft.id, 'pdf', 'stray.pdf', Buffer.from('%PDF-1.7 stray')))();
    const result = await letters.register(prepared.draft, ON);
    vault.close();
    expect(result).toMatchObject({ created: false, letter: { number: '01-12/1' } });
    await expectWholeLetter(dir, prepared.draft.id, '01-12/1');
  });
});
