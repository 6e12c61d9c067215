/* eslint-disable @typescript-eslint/no-explicit-any -- IPC replies are plain JSON, checked by value in the assertions */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../electron/app.ts';
import { EvidenceService } from '../../electron/services/evidence/evidence-service.ts';
import { importInBatches } from '../../electron/services/interchange/batched-import.ts';
import { parseInterchange } from '../../electron/services/interchange/json-import.ts';
import { DossierService, issueSteps, type IssueStep } from '../../electron/services/dossier/dossier-service.ts';
import { renderDossierFiles } from '../../electron/services/dossier/dossier-render.ts';
import { verifyAuditChain } from '../../electron/store/audit.ts';
import type { Db } from '../../electron/store/open.ts';
import { vaultSettings } from '../../electron/services/vault-service.ts';
import { missingTextKey } from '../../shared/domain/translations.ts';
import { docxParts, pdfText, writeTemp } from '../support/documents.ts';
import { pngImage } from '../support/images.ts';
import { passphraseBytes } from '../support/passphrase.ts';
import { scriptedDialogs } from '../support/scripted-dialogs.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';
import { kzMeeting, scenarioVault } from '../support/dossier-scenario.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** The scenario's withheld person: their name must never reach a dossier. */
const WITHHELD = ['Раҳимов', 'Ҷамшед'];
const TODAY = '2026-11-29';

const meeting = kzMeeting;

/** The demo's scenario in a FAST_KDF vault, with a photo kept as evidence of the border detention. */
async function scenario(): Promise<{ db: Db; dossiers: DossierService; close(): void }> {
  const vault = await scenarioVault(tempDir());
  const store = () => vault.db;
  const photo = join(tempDir(), 'fotekh.png');
  writeFileSync(photo, pngImage(64, 48));
  new EvidenceService(store, () => vaultSettings(vault), 'tester').add('in-fotekh-2024-03', [photo]);
  return { db: vault.db, dossiers: new DossierService(store, 'clerk'), close: () => vault.close() };
}

const auditActions = (db: Db) => db.prepare("SELECT action FROM audit_log WHERE action LIKE 'dossier%' ORDER BY seq").pluck().all() as string[];
const rowCount = (db: Db, table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

/** Every missing text kept in its original, so the dossier may be issued. */
async function keepingOriginals(dossiers: DossierService, id: string): Promise<void> {
  const built = await dossiers.build(id, TODAY);
  dossiers.save({ ...dossiers.get(id), keepOriginal: built.missing.map(missingTextKey) });
}

describe('meeting dossiers: the service', () => {
  it('saves, lists, reopens, duplicates and deletes compositions, each audited; refuses what the schema refuses', async () => {
    const { db, dossiers, close } = await scenario();
    expect(dossiers.save(meeting())).toEqual({ id: 'dossier-kz', created: true });
    expect(dossiers.save({ ...meeting(), title: 'Встреча в Астане' })).toEqual({ id: 'dossier-kz', created: false });
    expect(dossiers.get('dossier-kz')).toMatchObject({ title: 'Встреча в Астане', language: 'ru', sections: ['cover', 'contents', 'summary', 'ledger', 'incidents', 'evidence'] });
    expect(dossiers.list()).toEqual([expect.objectContaining({ id: 'dossier-kz', title: 'Встреча в Астане', language: 'ru', meetingDate: '2026-12-10', editions: 0 })]);

    const copy = dossiers.duplicate('dossier-kz');
    expect(copy.id).not.toBe('dossier-kz');
    expect(copy).toMatchObject({ title: 'Встреча в Астане (копия)', selection: meeting().selection });
    expect(dossiers.list().map((d) => d.id).sort()).toEqual([copy.id, 'dossier-kz'].sort());
    dossiers.delete(copy.id);
    expect(() => dossiers.get(copy.id)).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(() => dossiers.delete('dossier-nowhere')).toThrow(expect.objectContaining({ code: 'not-found' }));

    for (const bad of [{ ...meeting(), title: '' }, { ...meeting(), sections: ['cover', 'cover'] }, { ...meeting(), language: 'fr' }, { ...meeting(), extra: 1 }]) {
      expect(() => dossiers.save(bad)).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    }
    expect(auditActions(db)).toEqual(['dossier.create', 'dossier.save', 'dossier.duplicate', 'dossier.delete']);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true });
    close();
  });

  it('builds with progress, and a build cancelled at incident 2 throws `cancelled` and writes nothing', async () => {
    const { db, dossiers, close } = await scenario();
    dossiers.save(meeting());
    const steps: [number, number][] = [];
    const built = await dossiers.build('dossier-kz', TODAY, { onProgress: (done, total) => steps.push([done, total]) });
    expect(built.doc.meta.language).toBe('ru');
    expect(built.warnings).toEqual([]);
    // The photo kept as evidence is in the annex as a picture scaled from the vault's bytes.
    expect(built.doc.blocks.filter((block) => block.kind === 'figure')).toHaveLength(1);
    // One step per incident and per evidence image, counted up to the total.
    expect(steps.map(([done]) => done)).toEqual([1, 2, 3]);
    expect(new Set(steps.map(([, total]) => total))).toEqual(new Set([3]));

    const before = { audit: rowCount(db, 'audit_log'), editions: rowCount(db, 'dossier_edition'), files: rowCount(db, 'dossier_file') };
    const controller = new AbortController();
    const seen: number[] = [];
    const cancelled = dossiers.build('dossier-kz', TODAY, {
      signal: controller.signal,
      onProgress: (done) => {
        seen.push(done);
        if (done === 2) controller.abort();
      },
    });
    await expect(cancelled).rejects.toMatchObject({ code: 'cancelled' });
    expect(seen).toEqual([1, 2]);
    expect({ audit: rowCount(db, 'audit_log'), editions: rowCount(db, 'dossier_edition'), files: rowCount(db, 'dossier_file') }).toEqual(before);
    close();
  });

  it('refuses an empty selection, and skips with a warning an incident that no longer exists', async () => {
    const { dossiers, close } = await scenario();
    dossiers.save(meeting({ id: 'empty', selection: { kind: 'incidents', incidentIds: [] } }));
    await expect(dossiers.build('empty', TODAY)).rejects.toMatchObject({ code: 'dossier-empty' });
    await expect(dossiers.issue('empty', TODAY)).rejects.toMatchObject({ code: 'dossier-empty' });
    dossiers.save(meeting({ id: 'nothing-found', selection: { kind: 'search', query: { text: 'ничего такого нет нигде' } } }));
    await expect(dossiers.build('nothing-found', TODAY)).rejects.toMatchObject({ code: 'dossier-empty' });
    dossiers.save(meeting({ id: 'all-gone', selection: { kind: 'incidents', incidentIds: ['in-deleted'] } }));
    await expect(dossiers.build('all-gone', TODAY)).rejects.toMatchObject({ code: 'dossier-empty' });

    dossiers.save(meeting({ id: 'one-gone', selection: { kind: 'incidents', incidentIds: ['in-deleted', 'in-moscow-2024-10'] } }));
    const built = await dossiers.build('one-gone', TODAY);
    expect(built.warnings).toEqual([{ code: 'incident-deleted', id: 'in-deleted' }]);
    expect(JSON.stringify(built.doc)).not.toContain('in-deleted');
    close();
  });

  it('issues numbered frozen editions with their own SHA-256, kept byte for byte; a missing text blocks issuing; a dossier with editions is never deleted', async () => {
    const { db, dossiers, close } = await scenario();
    // In English the Russian-written incident has no text yet: listed, and issuing is refused until each is settled.
    dossiers.save(meeting({ id: 'in-english', language: 'en' }));
    const draft = await dossiers.build('in-english', TODAY);
    expect(draft.missing).toContainEqual(expect.objectContaining({ entity: 'incident', id: 'in-moscow-2024-10', field: 'title' }));
    await expect(dossiers.issue('in-english', TODAY)).rejects.toMatchObject({ code: 'translation-missing' });
    expect(rowCount(db, 'dossier_edition')).toBe(0);
    await keepingOriginals(dossiers, 'in-english');
    expect((await dossiers.issue('in-english', TODAY)).edition).toBe(1);

    dossiers.save(meeting());

    await keepingOriginals(dossiers, 'dossier-kz');
    const first = await dossiers.issue('dossier-kz', TODAY);
    const second = await dossiers.issue('dossier-kz', TODAY);
    expect([first.edition, second.edition]).toEqual([1, 2]);
    expect(first.sha256).not.toBe(second.sha256);
    expect(first.pages).toBeGreaterThan(1);
    expect(dossiers.editions('dossier-kz').map((e) => e.edition)).toEqual([1, 2]);
    expect(dossiers.list().find((d) => d.id === 'dossier-kz')).toMatchObject({ editions: 2 });

    for (const edition of [first, second]) {
      const frozen = dossiers.editionDoc('dossier-kz', edition.edition);
      expect(sha256(Buffer.from(JSON.stringify(frozen.doc)))).toBe(edition.sha256);
      for (const role of ['pdf', 'docx'] as const) {
        const { bytes } = dossiers.file('dossier-kz', edition.edition, role);
        expect(sha256(bytes)).toBe(edition.files.find((f) => f.role === role)!.sha256);
        // Exported again later: the same bytes, exactly.
        const out = join(tempDir(), `again.${role}`);
        dossiers.export('dossier-kz', edition.edition, role, out);
        expect(readFileSync(out).equals(bytes)).toBe(true);
      }
    }
    expect(dossiers.file('dossier-kz', 1, 'pdf').bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // Deterministic: the frozen Doc rendered again gives the kept PDF, byte for byte.
    const frozen = dossiers.editionDoc('dossier-kz', 1);
    expect((await renderDossierFiles(frozen.doc, frozen.sha256)).pdf.equals(dossiers.file('dossier-kz', 1, 'pdf').bytes)).toBe(true);

    expect(() => dossiers.delete('dossier-kz')).toThrow(expect.objectContaining({ code: 'dossier-has-editions' }));
    expect(dossiers.get('dossier-kz')).toBeDefined();
    expect(auditActions(db).filter((a) => a === 'dossier.issue')).toHaveLength(3);
    expect(auditActions(db).filter((a) => a === 'dossier-file.export')).toHaveLength(4);

    // A stored byte altered: the file is refused on the way out, never handed over.
    db.prepare("UPDATE dossier_file_chunk SET data = zeroblob(length(data)) WHERE file_id = (SELECT id FROM dossier_file WHERE dossier_id = 'dossier-kz' AND edition = 2 AND role = 'docx')").run();
    expect(() => dossiers.file('dossier-kz', 2, 'docx')).toThrow(expect.objectContaining({ code: 'evidence-damaged' }));
    expect(() => dossiers.export('dossier-kz', 2, 'docx', join(tempDir(), 'damaged.docx'))).toThrow(expect.objectContaining({ code: 'evidence-damaged' }));
    expect(verifyAuditChain(db)).toMatchObject({ ok: true });
    close();
  });

  it('an issue stopped at any step leaves nothing: no edition, no file, no chunk, no audit row', async () => {
    const { db, dossiers, close } = await scenario();
    dossiers.save(meeting());
    await keepingOriginals(dossiers, 'dossier-kz');
    const before = { audit: rowCount(db, 'audit_log'), chunks: rowCount(db, 'dossier_file_chunk') };
    const steps = issueSteps.filter((step) => step !== 'committed');
    for (const stopAt of steps) {
      const stopping = new DossierService(() => db, 'clerk', {
        onIssueStep: (step: IssueStep) => {
          if (step === stopAt) throw new Error(`stopped at ${step}`);
        },
      });
      await expect(stopping.issue('dossier-kz', TODAY)).rejects.toThrow(`stopped at ${stopAt}`);
      expect({ stopAt, editions: rowCount(db, 'dossier_edition'), files: rowCount(db, 'dossier_file'), chunks: rowCount(db, 'dossier_file_chunk'), audit: rowCount(db, 'audit_log') }).toEqual({ stopAt, editions: 0, files: 0, ...before });
    }
    // And the next issue is edition 1.
    expect((await dossiers.issue('dossier-kz', TODAY)).edition).toBe(1);
    close();
  });

  it('never prints a withheld name: not in the Doc, the PDF text or any part of the DOCX', async () => {
    const { dossiers, close } = await scenario();
    dossiers.save(meeting());
    await keepingOriginals(dossiers, 'dossier-kz');
    const edition = await dossiers.issue('dossier-kz', TODAY);
    const pdf = dossiers.file('dossier-kz', edition.edition, 'pdf').bytes;
    const docx = dossiers.file('dossier-kz', edition.edition, 'docx').bytes;
    const text = pdfText(writeTemp('dossier.pdf', pdf));
    expect(text).toContain('Фотех'); // the text is there and readable…
    const parts = [...(await docxParts(docx)).values()].join('\n');
    expect(JSON.stringify(dossiers.editionDoc('dossier-kz', 1).doc)).toContain('гражданин Р.'); // the withheld victim is there, masked as letters mask
    for (const name of WITHHELD) {
      expect(JSON.stringify(dossiers.editionDoc('dossier-kz', 1).doc)).not.toContain(name);
      expect(text).not.toContain(name); // …but not the withheld name
      expect(parts).not.toContain(name);
    }
    close();
  });
});

type Reply = { ok: boolean; value?: any; error?: { code: string; detail?: string } };

describe('meeting dossiers over IPC', () => {
  it('builds as a job the window polls and cancels at a known incident; a lock mid-build fails it cleanly; issues, exports and prints', async () => {
    let onStep: (jobId: string, done: number) => void = () => undefined;
    const dialogs = scriptedDialogs();
    const app = createApp({ dataDir: tempDir(), dialogs, actor: 'clerk', kdf: FAST_KDF, onDossierBuildStep: (jobId, done) => onStep(jobId, done) });
    const call = (channel: string, input: unknown = {}) => app.router.handle(channel, input) as Promise<Reply>;
    const settle = async (jobId: string) => {
      for (;;) {
        const status = (await call('dossiers:buildStatus', { jobId })).value;
        if (status.state !== 'running') return status;
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    await call('vault:create', { passphrase: passphraseBytes('correct horse battery') });
    const db = app.session.store();
    for (const name of ['border-detention.json', 'kz-ombudsman-letters.json']) await importInBatches(db, parseInterchange(db, fixture(name)), 'tester');
    expect((await call('office:save', JSON.parse(fixture('office.json')))).ok).toBe(true);

    expect((await call('dossiers:save', meeting())).value).toEqual({ id: 'dossier-kz', created: true });
    expect((await call('dossiers:list')).value).toHaveLength(1);
    expect(await call('dossiers:get', { id: 'dossier-nowhere' })).toMatchObject({ ok: false, error: { code: 'not-found' } });

    // A whole build, polled to the end.
    const done = await settle((await call('dossiers:buildStart', { id: 'dossier-kz' })).value.jobId);
    expect(done).toMatchObject({ state: 'done', done: 2, total: 2, error: null });
    expect(done.result.doc.meta.language).toBe('ru');
    // The preview's charts come with their SVG, drawn in main by the one chart renderer.
    const charts = done.result.doc.blocks.filter((block: { kind: string }) => block.kind === 'chart');
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) expect(chart.svg).toMatch(/^<svg/);

    // Cancelled from the window at incident 1 of 2: the job ends cancelled, with no result.
    onStep = (jobId, step) => {
      if (step === 1) void call('dossiers:buildCancel', { jobId });
    };
    const cancelled = await settle((await call('dossiers:buildStart', { id: 'dossier-kz' })).value.jobId);
    expect(cancelled).toMatchObject({ state: 'cancelled', done: 1, result: null });

    // Locked at incident 1: the build fails as `vault-locked`, nothing was written, and the job is forgotten.
    const audit = rowCount(db, 'audit_log');
    onStep = (_, step) => {
      if (step === 1) app.lock('user');
    };
    const lockedJob = (await call('dossiers:buildStart', { id: 'dossier-kz' })).value.jobId;
    while (app.session.status().state !== 'locked') await new Promise((resolve) => setImmediate(resolve));
    expect(await call('dossiers:buildStatus', { jobId: lockedJob })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('dossiers:build', { id: 'dossier-kz' })).toMatchObject({ ok: false, error: { code: 'vault-locked' } });
    onStep = () => undefined;
    await call('vault:unlock', { passphrase: passphraseBytes('correct horse battery') });
    const reopened = app.session.store();
    expect(rowCount(reopened, 'audit_log')).toBe(audit);
    expect(rowCount(reopened, 'dossier_edition')).toBe(0);

    // Issue (once every missing text is kept in its original), export through the save dialog, print.
    const build = (await call('dossiers:build', { id: 'dossier-kz' })).value;
    expect((await call('dossiers:save', { ...meeting(), keepOriginal: build.missing.map(missingTextKey) })).ok).toBe(true);
    const edition = (await call('dossiers:issue', { id: 'dossier-kz' })).value;
    expect(edition).toMatchObject({ dossierId: 'dossier-kz', edition: 1 });
    expect(await call('dossiers:delete', { id: 'dossier-kz' })).toMatchObject({ ok: false, error: { code: 'dossier-has-editions' } });
    const out = join(tempDir(), 'edition-1.pdf');
    dialogs.next.push(out);
    expect((await call('dossiers:exportFile', { dossierId: 'dossier-kz', edition: 1, format: 'pdf' })).value).toEqual({ saved: true, fileName: 'edition-1.pdf' });
    const kept = (await call('dossiers:pdf', { dossierId: 'dossier-kz', edition: 1 })).value.bytes as Uint8Array;
    expect(readFileSync(out).equals(Buffer.from(kept))).toBe(true);
    expect(sha256(readFileSync(out))).toBe(edition.files.find((f: { role: string }) => f.role === 'pdf').sha256);
    const preview = (await call('dossiers:pdf', { doc: build.doc })).value.bytes as Uint8Array;
    expect(Buffer.from(preview).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await call('dossiers:exportFile', { dossierId: 'dossier-kz', edition: 9, format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await call('dossiers:editions', { id: 'dossier-kz' })).value).toHaveLength(1);
    app.dispose();
  });
});
