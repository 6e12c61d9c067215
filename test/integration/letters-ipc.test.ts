/* eslint-disable @typescript-eslint/no-explicit-any -- IPC replies are plain JSON, checked by value in the assertions */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../electron/app.ts';
import { mayOpenWithSystem } from '../../electron/ipc/dialogs.ts';
import { importInBatches } from '../../electron/services/interchange/batched-import.ts';
import { parseInterchange } from '../../electron/services/interchange/json-import.ts';
import { verifyAuditChain } from '../../electron/store/audit.ts';
import { pngImage } from '../support/images.ts';
import { scriptedDialogs } from '../support/scripted-dialogs.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';
import { passphraseBytes } from '../support/passphrase.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
type Reply = { ok: boolean; value?: any; error?: { code: string; detail?: string } };

describe('letters over IPC', () => {
  it('drafts with the chosen signatory, registers a draft once however often it is sent, and refuses what it cannot use', async () => {
    const app = createApp({ dataDir: tempDir(), dialogs: scriptedDialogs(), actor: 'clerk', kdf: FAST_KDF });
    const call = (channel: string, input: unknown = {}) => app.router.handle(channel, input) as Promise<Reply>;
    await call('vault:create', { passphrase: passphraseBytes('correct horse battery') });
    const db = app.session.store();
    for (const name of ['border-detention.json', 'kz-ombudsman-letters.json']) await importInBatches(db, parseInterchange(db, fixture(name)), 'tester');

    const office = JSON.parse(fixture('office.json'));
    const deputy = { id: 'deputy', position: { ru: 'Заместитель Уполномоченного', tg: 'Муовини Ваколатдор', en: 'Deputy Commissioner' }, name: { ru: 'Ф. А. Каримов', tg: 'Ф. А. Каримов', en: 'F. A. Karimov' } };
    expect((await call('office:save', { ...office, signatories: [...office.signatories, deputy] })).ok).toBe(true);
    // The emblem must really be a small PNG or JPEG.
    expect(await call('office:save', { ...office, emblem: { mediaType: 'image/png', base64: Buffer.from('<svg onload=alert(1)>').toString('base64') } })).toMatchObject({ ok: false, error: { code: 'invalid-input', detail: 'emblem: not a PNG or JPEG image' } });
    const oversized = Buffer.concat([pngImage(4, 4), Buffer.alloc(600 * 1024, 7)]);
    expect((await call('office:save', { ...office, emblem: { mediaType: 'image/png', base64: oversized.toString('base64') } })).ok).toBe(false);
    expect((await call('office:get')).value.signatories.map((s: { id: string }) => s.id)).toEqual(['ombudsman', 'deputy']);

    const request = { kind: 'appeal', counterpartId: 'cp-kz-ombudsman', language: 'ru', incidentIds: ['in-fotekh-2024-03'] };
    const byDeputy = await call('letters:draft', { ...request, signatoryId: 'deputy' });
    expect(JSON.stringify(byDeputy.value.doc)).toContain('Ф. А. Каримов');
    expect(await call('letters:draft', { ...request, signatoryId: 'nobody' })).toMatchObject({ ok: false, error: { code: 'office-incomplete' } });
    expect(await call('letters:draft', { ...request, counterpartId: 'cp-nowhere' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('letters:draft', { ...request, incidentIds: ['in-nowhere'] })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('letters:draft', { ...request, inReplyTo: 'out-1' })).toMatchObject({ ok: false, error: { code: 'invalid-input', detail: 'inReplyTo: not a letter received from this counterpart' } });
    // Answering their letter puts «На № … от …» under our number.
    const answering = await call('letters:draft', { ...request, inReplyTo: 'in-reply-1' });
    expect(JSON.stringify(answering.value.doc)).toContain('На № 4/7-2291 от 29.11.2024');

    const draft = (await call('letters:draft', request)).value;
    const first = await call('letters:registerDraft', draft);
    const again = await call('letters:registerDraft', draft);
    expect(first.value).toMatchObject({ created: true, letter: { number: '01-12/1', direction: 'outgoing' } });
    expect(again.value).toMatchObject({ created: false, letter: { number: '01-12/1' }, fingerprint: first.value.fingerprint });
    expect(first.value.files.map((file: { role: string }) => file.role).sort()).toEqual(['docx', 'pdf']);
    const frozen = (await call('letters:document', { letterId: first.value.letter.id })).value;
    expect(createHash('sha256').update(JSON.stringify(frozen.doc)).digest('hex')).toBe(frozen.sha256);
    expect(JSON.stringify(frozen.doc)).toMatch(/\d{2}\.\d{2}\.\d{4} № 01-12\/1/); // GOST R 7.0.97: the date, then the number
    const register = (await call('letters:list', { counterpartId: 'cp-kz-ombudsman', asOf: '2030-01-01' })).value as { letter: { number: string } }[];
    expect(register.filter((entry) => entry.letter.number === '01-12/1')).toHaveLength(1);
    // A draft whose document was tampered with is refused before anything is numbered.
    const broken = { ...(await call('letters:draft', request)).value, doc: { meta: draft.doc.meta, blocks: [{ kind: 'script', text: 'x' }] } };
    expect(await call('letters:registerDraft', broken)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await call('letters:list', { asOf: '2030-01-01' })).value.filter((entry: { letter: { number: string } }) => entry.letter.number === '01-12/2')).toHaveLength(0);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('opens with the system only the letter PDF or DOCX the user just saved, never a stored scan', async () => {
    const dialogs = scriptedDialogs();
    const app = createApp({ dataDir: tempDir(), dialogs, actor: 'clerk', kdf: FAST_KDF });
    const call = (channel: string, input: unknown = {}) => app.router.handle(channel, input) as Promise<Reply>;
    await call('vault:create', { passphrase: passphraseBytes('correct horse battery') });
    const db = app.session.store();
    for (const name of ['border-detention.json', 'kz-ombudsman-letters.json']) await importInBatches(db, parseInterchange(db, fixture(name)), 'tester');
    expect((await call('office:save', JSON.parse(fixture('office.json')))).ok).toBe(true);
    const draft = (await call('letters:draft', { kind: 'appeal', counterpartId: 'cp-kz-ombudsman', language: 'ru', incidentIds: ['in-fotekh-2024-03'] })).value;
    const { files, letter } = (await call('letters:registerDraft', draft)).value as { files: { id: string; role: string }[]; letter: { id: string } };
    const pdf = files.find((file) => file.role === 'pdf')!.id;
    const docx = files.find((file) => file.role === 'docx')!.id;
    const dir = tempDir();
    // A "scan" that is a web page (it could as well be a program or a shortcut), kept with its own name.
    const page = join(dir, 'invoice.html');
    writeFileSync(page, '<script>alert(1)</script>');
    dialogs.next.push(page);
    const scan = (await call('letters:attachScan', { letterId: letter.id })).value as { id: string; fileName: string };
    expect(scan.fileName).toBe('invoice.html');

    // Refused before any dialog: nothing saved, nothing opened.
    dialogs.next.push(join(dir, 'scan-copy.html'));
    expect(await call('letters:exportFile', { id: scan.id, open: true })).toMatchObject({ ok: false, error: { code: 'invalid-input', detail: expect.stringContaining('a scan is saved only') } });
    expect(dialogs.next).toHaveLength(1);
    expect(existsSync(join(dir, 'scan-copy.html'))).toBe(false);
    // Saved (only) it may be, where the user chooses.
    expect(await call('letters:exportFile', { id: scan.id })).toMatchObject({ ok: true, value: { saved: true, fileName: 'scan-copy.html' } });
    expect(dialogs.opened).toEqual([]);

    // The letter's own PDF and DOCX open, under their own extension whatever name was typed.
    dialogs.next.push(join(dir, 'to-sign'));
    expect(await call('letters:exportFile', { id: pdf, open: true })).toMatchObject({ ok: true, value: { saved: true, fileName: 'to-sign.pdf' } });
    dialogs.next.push(join(dir, 'To-Sign.DOCX'));
    expect(await call('letters:exportFile', { id: docx, open: true })).toMatchObject({ ok: true, value: { saved: true, fileName: 'To-Sign.DOCX' } });
    expect(dialogs.opened).toEqual([join(dir, 'to-sign.pdf'), join(dir, 'To-Sign.DOCX')]);
    expect(readFileSync(join(dir, 'to-sign.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(existsSync(join(dir, 'to-sign'))).toBe(false);
    // An extended name that is taken is not overwritten unasked.
    dialogs.next.push(join(dir, 'to-sign'));
    writeFileSync(join(dir, 'to-sign.pdf'), 'mine');
    expect(await call('letters:exportFile', { id: pdf, open: true })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(readFileSync(join(dir, 'to-sign.pdf'), 'utf8')).toBe('mine');
    expect(dialogs.opened).toHaveLength(2);
    // The Electron port refuses anything else too, whoever asks.
    expect(['a.pdf', 'B.DOCX', 'a.html', 'a.exe', 'a.lnk', 'a.pdf.exe', 'a'].map(mayOpenWithSystem)).toEqual([true, true, false, false, false, false, false]);
  });
});
