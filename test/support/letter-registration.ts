import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createApp } from '../../electron/app.ts';
import { importInBatches } from '../../electron/services/interchange/batched-import.ts';
import { parseInterchange } from '../../electron/services/interchange/json-import.ts';
import { CorrespondenceService } from '../../electron/services/correspondence-service.ts';
import { LetterFiles } from '../../electron/services/letter-files.ts';
import { fingerprintOf, type RegistrationStep } from '../../electron/services/letters/letter-registration.ts';
import { LetterService } from '../../electron/services/letters/letter-service.ts';
import { readWhole } from '../../electron/services/files/chunked-files.ts';
import { getLetterDocument } from '../../electron/store/repositories/letter-document-repository.ts';
import { listLetterFiles } from '../../electron/store/repositories/letter-file-repository.ts';
import { lastSequence } from '../../electron/store/repositories/letter-repository.ts';
import { unlockVault, type OpenVault } from '../../electron/store/vault.ts';
import type { LetterDraft } from '../../shared/domain/letter-draft.ts';
import { runsText, type Doc } from '../../shared/document/model.ts';
import { runCli } from './cli.ts';
import { docxParts, pdfText } from './documents.ts';
import { scriptedDialogs } from './scripted-dialogs.ts';
import { FAST_KDF, tempDir } from './temp.ts';
import { passphraseBytes } from './passphrase.ts';
import { routerCall } from './router-call.ts';

/** Helpers for the tests of letter registration: a prepared vault, the services over it, and "the letter is whole". */
export const PASS = 'correct horse battery';
export const YEAR = 2025;
export const ON = `${YEAR}-01-10`;

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

/**
 * A closed FAST_KDF vault in `dir` (which outlives one test, unlike tempDir's) with the registry fixtures and the
 * office, and a Russian appeal drafted in it.
 */
export async function preparedVault(dir: string): Promise<{ dir: string; draft: LetterDraft }> {
  const app = createApp({ dataDir: dir, dialogs: scriptedDialogs(), actor: 'clerk', kdf: FAST_KDF });
  const call = routerCall(app.router);
  await call('vault:create', { passphrase: passphraseBytes(PASS) });
  const db = app.session.store();
  for (const name of ['border-detention.json', 'kz-ombudsman-letters.json']) await importInBatches(db, parseInterchange(db, fixture(name)), 'tester');
  await call('office:save', JSON.parse(fixture('office.json')));
  const draft = (await call('letters:draft', { kind: 'appeal', counterpartId: 'cp-kz-ombudsman', language: 'ru', incidentIds: ['in-fotekh-2024-03'] })) as LetterDraft;
  app.dispose();
  return { dir, draft };
}

/** A copy of a prepared (closed) vault, so each run starts from the same state. */
export function copyOfVault(dir: string): string {
  const copy = tempDir();
  cpSync(dir, copy, { recursive: true });
  return copy;
}

/** The services the app and the CLI build, over an open vault. */
export function letterServices(vault: OpenVault, onStep?: (step: RegistrationStep) => void) {
  const store = () => vault.db;
  const registry = new CorrespondenceService(store, 'clerk');
  const files = new LetterFiles(store, () => 2 ** 31, 'clerk');
  return { registry, files, letters: new LetterService(store, registry, files, 'clerk', { onStep }) };
}

/** The draft with its first body paragraph rewritten (a clerk's edit). */
export function edited(draft: LetterDraft, text: string): LetterDraft {
  let done = false;
  const blocks = draft.doc.blocks.map((block) => {
    if (done || block.kind !== 'paragraph' || block.style !== 'body') return block;
    done = true;
    return { ...block, runs: [{ text }] };
  });
  return { ...draft, doc: { ...draft.doc, blocks } };
}

const spaced = (text: string) => text.replace(/\s+/g, ' ').trim();
/** The text of the letter's own paragraphs (reference, subject, salutation, body, closing), as the files must show it. */
export const paragraphsOf = (doc: Doc) =>
  doc.blocks.flatMap((block) => (block.kind === 'paragraph' && ['reference', 'subject', 'salutation', 'body', 'closing'].includes(block.style) ? [spaced(runsText(block.runs))] : [])).filter(Boolean);

const unescapeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
/**
 * The paragraphs of a DOCX's body, as text: Word's no-break hyphen (`w:noBreakHyphen`, inside numbers such as
 * «01-12/1») read as the hyphen it prints, its soft hyphens and the zero-width spaces that let a URL break after its
 * slashes left out.
 */
async function docxParagraphs(bytes: Buffer): Promise<string[]> {
  const xml = (await docxParts(bytes)).get('word/document.xml') ?? '';
  const pieces = (paragraph: string) => [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:noBreakHyphen\/>/g)].map((t) => (t[0] === '<w:noBreakHyphen/>' ? '-' : t[1]));
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => spaced(unescapeXml(pieces(p[0]).join('')).replaceAll('\u200B', '')));
}

/**
 * The letter of `draftId` is whole: numbered `number`, its Doc frozen with a matching fingerprint, exactly one PDF
 * and one DOCX whose stored SHA-256 match; `verify` passes; and `letter export` (the real CLI) writes a PDF and a
 * DOCX whose text is the frozen Doc's. Returns the frozen Doc.
 */
export async function expectWholeLetter(dir: string, draftId: string, number: string): Promise<Doc> {
  const vault = await unlockVault(dir, PASS);
  let doc: Doc;
  try {
    const db = vault.db;
    const frozen = getLetterDocument(db, draftId);
    expect(frozen, 'the frozen Doc').toBeDefined();
    doc = frozen!.doc;
    expect(fingerprintOf(doc)).toBe(frozen!.sha256);
    expect(doc.meta.number).toBe(number);
    const year = String(YEAR);
    expect(db.prepare("SELECT id FROM letter WHERE direction = 'outgoing' AND number = ? AND substr(date, 1, 4) = ?").pluck().all(number, year)).toEqual([draftId]);
    // No number was taken twice or wasted: the sequence stands at the year's highest number.
    const numbers = db.prepare("SELECT number FROM letter WHERE direction = 'outgoing' AND substr(date, 1, 4) = ?").pluck().all(year) as string[];
    expect(lastSequence(db, YEAR)).toBe(Math.max(...numbers.map((n) => Number(n.split('/').pop()))));
    const files = listLetterFiles(db, draftId);
    expect(files.map((file) => file.role).sort()).toEqual(['docx', 'pdf']);
    expect(db.prepare('SELECT count(*) FROM letter_file WHERE letter_id = ?').pluck().get(draftId)).toBe(2);
    for (const file of files) readWhole(db, 'letter-file', file.id, file.sha256);
  } finally {
    vault.close();
  }
  const app = createApp({ dataDir: dir, dialogs: scriptedDialogs(), actor: 'clerk' });
  try {
    expect((await app.router.handle('vault:unlock', { passphrase: passphraseBytes(PASS) })).ok).toBe(true);
    expect(await app.router.handle('vault:verify', {})).toMatchObject({ ok: true, value: { ok: true } });
  } finally {
    app.dispose();
  }
  const out = tempDir();
  const paragraphs = paragraphsOf(doc);
  expect(paragraphs.some((text) => text.includes(number))).toBe(true);
  for (const format of ['pdf', 'docx'] as const) {
    const path = join(out, `letter.${format}`);
    const exported = runCli(['letter', 'export', '--store', dir, '--number', number, '--year', String(YEAR), '--format', format, '--out', path], { OMBUDS_PASSPHRASE: PASS });
    expect(exported.status, exported.stderr).toBe(0);
    const text = format === 'pdf' ? spaced(pdfText(path)) : (await docxParagraphs(readFileSync(path))).join('\n');
    for (const paragraph of paragraphs) expect(text, format).toContain(paragraph);
  }
  return doc;
}

/** Nothing of the draft is registered and no number of the year was taken. */
export async function expectNothingRegistered(dir: string, draftId: string): Promise<void> {
  const vault = await unlockVault(dir, PASS);
  try {
    const db = vault.db;
    expect(db.prepare('SELECT count(*) FROM letter WHERE id = ?').pluck().get(draftId)).toBe(0);
    expect(db.prepare('SELECT count(*) FROM letter_file').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM letter_file_chunk').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM letter_document').pluck().get()).toBe(0);
    expect(lastSequence(db, YEAR)).toBe(0);
  } finally {
    vault.close();
  }
}

export const writeDraft = (draft: LetterDraft) => {
  const path = join(tempDir(), 'draft.json');
  writeFileSync(path, JSON.stringify(draft));
  return path;
};
