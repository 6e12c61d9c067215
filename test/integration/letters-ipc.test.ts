/* eslint-disable @typescript-eslint/no-explicit-any -- IPC replies are plain JSON, checked by value in the assertions */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../electron/app.ts';
import { importInBatches } from '../../electron/services/interchange/batched-import.ts';
import { parseInterchange } from '../../electron/services/interchange/json-import.ts';
import { verifyAuditChain } from '../../electron/store/audit.ts';
import { pngImage } from '../support/images.ts';
import { scriptedDialogs } from '../support/scripted-dialogs.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
type Reply = { ok: boolean; value?: any; error?: { code: string; detail?: string } };

describe('letters over IPC', () => {
  it('drafts with the chosen signatory, registers a draft once however often it is sent, and refuses what it cannot use', async () => {
    const app = createApp({ dataDir: tempDir(), dialogs: scriptedDialogs(), actor: 'clerk', kdf: FAST_KDF });
    const call = (channel: string, input: unknown = {}) => app.router.handle(channel, input) as Promise<Reply>;
    await call('vault:create', { passphrase: 'correct horse battery' });
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
    expect(JSON.stringify(frozen.doc)).toMatch(/№ 01-12\/1 от \d{2}\.\d{2}\.\d{4}/);
    const register = (await call('letters:list', { counterpartId: 'cp-kz-ombudsman', asOf: '2030-01-01' })).value as { letter: { number: string } }[];
    expect(register.filter((entry) => entry.letter.number === '01-12/1')).toHaveLength(1);
    // A draft whose document was tampered with is refused before anything is numbered.
    const broken = { ...(await call('letters:draft', request)).value, doc: { meta: draft.doc.meta, blocks: [{ kind: 'script', text: 'x' }] } };
    expect(await call('letters:registerDraft', broken)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await call('letters:list', { asOf: '2030-01-01' })).value.filter((entry: { letter: { number: string } }) => entry.letter.number === '01-12/2')).toHaveLength(0);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});
