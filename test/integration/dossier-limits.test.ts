/* eslint-disable @typescript-eslint/no-explicit-any -- IPC replies are plain JSON, checked by value in the assertions */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../electron/app.ts';
import { DossierService } from '../../electron/services/dossier/dossier-service.ts';
import { dossierCompositionSchema, DOSSIER_INCIDENT_LIMIT } from '../../shared/domain/dossier.ts';
import { upsertDossier } from '../../electron/store/repositories/dossier-repository.ts';
import { getIncident, upsertIncident } from '../../electron/store/repositories/incident-repository.ts';
import { searchIncidents } from '../../electron/store/repositories/incident-search.ts';
import type { Db } from '../../electron/store/open.ts';
import { inTransaction } from '../../electron/store/transaction.ts';
import { unlockVault } from '../../electron/store/vault.ts';
import { en } from '../../renderer/i18n/en.ts';
import { ru } from '../../renderer/i18n/ru.ts';
import { tg } from '../../renderer/i18n/tg.ts';
import { runCli } from '../support/cli.ts';
import { DOSSIER_DAY, DOSSIER_PASS, kzMeeting, scenarioVault } from '../support/dossier-scenario.ts';
import { passphraseBytes } from '../support/passphrase.ts';
import { scriptedDialogs } from '../support/scripted-dialogs.ts';
import { tempDir } from '../support/temp.ts';

/** 10,000 ids: what the issue asks of a dossier, five times what one may hold. */
const tenThousand = Array.from({ length: 10_000 }, (_, i) => `in-bulk-${i}`);
const rowCount = (db: Db, table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const written = (db: Db) => ({ dossiers: rowCount(db, 'dossier'), editions: rowCount(db, 'dossier_edition'), files: rowCount(db, 'dossier_file'), audit: rowCount(db, 'audit_log') });

/** `count` copies of the scenario's Moscow incident (the empty search then finds them and the scenario's two). */
function addIncidents(db: Db, count: number): void {
  const model = getIncident(db, 'in-moscow-2024-10')!;
  inTransaction(db, () => {
    for (let i = 0; i < count; i += 1) upsertIncident(db, { ...model, id: `in-bulk-${i}` });
  });
}

describe('a dossier larger than it may be is refused up front', () => {
  it('the limit is stated once and every language names it', () => {
    expect(DOSSIER_INCIDENT_LIMIT).toBe(2_000);
    expect(en.errors['dossier-too-large']).toContain('at most 2,000 incidents');
    expect(ru.errors['dossier-too-large']).toContain('не более 2\u00a0000 инцидентов');
    expect(tg.errors['dossier-too-large']).toContain('на зиёда аз 2\u00a0000 ҳодиса');
  });

  it('a composition of 10,000 ids is refused with `dossier-too-large` and nothing is written; one saved before is refused at build and issue, nothing gathered', async () => {
    const vault = await scenarioVault(tempDir());
    const dossiers = new DossierService(() => vault.db, 'clerk');
    const before = written(vault.db);
    expect(() => dossiers.save(kzMeeting({ selection: { kind: 'incidents', incidentIds: tenThousand } }))).toThrow(expect.objectContaining({ code: 'dossier-too-large' }));
    // Past the schema's parsing bound it is the same refusal, not an unexplained invalid input.
    expect(() => dossiers.save(kzMeeting({ selection: { kind: 'incidents', incidentIds: [...tenThousand, 'in-one-more'] } }))).toThrow(expect.objectContaining({ code: 'dossier-too-large' }));
    // Exactly the limit is saved; repeated ids count once.
    const atLimit = tenThousand.slice(0, DOSSIER_INCIDENT_LIMIT);
    expect(() => dossiers.save(kzMeeting({ id: 'at-limit', selection: { kind: 'incidents', incidentIds: [...atLimit, ...atLimit] } }))).not.toThrow();
    dossiers.delete('at-limit');
    expect(written(vault.db)).toEqual({ ...before, audit: before.audit + 2 });

    // A composition saved by an older version, naming more than the limit: refused at build and issue before any fact is gathered.
    upsertDossier(vault.db, dossierCompositionSchema.parse(kzMeeting({ id: 'old-large', selection: { kind: 'incidents', incidentIds: tenThousand } })));
    const after = written(vault.db);
    const progress: number[] = [];
    const thumbnails: string[] = [];
    const watched = new DossierService(() => vault.db, 'clerk', { thumbnail: async (_bytes, mediaType) => (thumbnails.push(mediaType), null) });
    await expect(watched.build('old-large', DOSSIER_DAY, { onProgress: (done) => progress.push(done) })).rejects.toMatchObject({ code: 'dossier-too-large' });
    await expect(watched.issue('old-large', DOSSIER_DAY, { onProgress: (done) => progress.push(done) })).rejects.toMatchObject({ code: 'dossier-too-large' });
    expect(progress).toEqual([]);
    expect(thumbnails).toEqual([]);
    expect(written(vault.db)).toEqual(after);
    vault.close();
  });

  it('a saved search that now finds more than the limit is refused at build and issue, in the window (save, build job) and through the CLI', async () => {
    const dir = tempDir();
    const vault = await scenarioVault(dir);
    const store = join(dir, 'vault');
    const dossiers = new DossierService(() => vault.db, 'clerk');
    // Saved while the search found two incidents: then the records grow past the limit.
    dossiers.save(kzMeeting({ id: 'by-search', selection: { kind: 'search', query: {} } }));
    expect((await dossiers.build('by-search', DOSSIER_DAY)).doc.blocks.length).toBeGreaterThan(0);
    addIncidents(vault.db, DOSSIER_INCIDENT_LIMIT);
    expect(searchIncidents(vault.db, { limit: 100_000, offset: 0 }).length).toBe(DOSSIER_INCIDENT_LIMIT + 2);
    const before = written(vault.db);
    const progress: number[] = [];
    await expect(dossiers.build('by-search', DOSSIER_DAY, { onProgress: (done) => progress.push(done) })).rejects.toMatchObject({ code: 'dossier-too-large' });
    await expect(dossiers.issue('by-search', DOSSIER_DAY, { onProgress: (done) => progress.push(done) })).rejects.toMatchObject({ code: 'dossier-too-large' });
    expect(progress).toEqual([]);
    expect(written(vault.db)).toEqual(before);
    vault.close();

    // The window: Save answers with the code (the composition editor shows it localized), a Build job fails with it.
    const app = createApp({ dataDir: store, dialogs: scriptedDialogs(), actor: 'clerk' });
    const call = (channel: string, input: unknown = {}) => app.router.handle(channel, input) as Promise<{ ok: boolean; value?: any; error?: { code: string } }>;
    expect((await call('vault:unlock', { passphrase: passphraseBytes(DOSSIER_PASS) })).ok).toBe(true);
    expect(await call('dossiers:save', kzMeeting({ id: 'from-window', selection: { kind: 'incidents', incidentIds: tenThousand } }))).toMatchObject({ ok: false, error: { code: 'dossier-too-large' } });
    expect((await call('dossiers:get', { id: 'from-window' })).error?.code).toBe('not-found');
    const { jobId } = (await call('dossiers:buildStart', { id: 'by-search' })).value;
    let status = (await call('dossiers:buildStatus', { jobId })).value;
    while (status.state === 'running') {
      await new Promise((resolve) => setImmediate(resolve));
      status = (await call('dossiers:buildStatus', { jobId })).value;
    }
    expect(status).toMatchObject({ state: 'failed', done: 0, result: null, error: { code: 'dossier-too-large' } });
    app.dispose();

    // The CLI: exit 64 with the limit named, nothing created; the oversize search's build writes no file.
    const cli = (...args: string[]) => runCli([args[0]!, '--store', store, ...args.slice(1)], { OMBUDS_PASSPHRASE: DOSSIER_PASS });
    const file = join(dir, 'large.json');
    writeFileSync(file, JSON.stringify({ ...kzMeeting(), id: undefined, selection: { kind: 'incidents', incidentIds: tenThousand } }));
    const created = cli('dossier', 'create', '--from', file);
    expect(created.status).toBe(64);
    expect(created.stderr).toMatch(/^ombuds: a dossier holds at most 2000 incidents/);
    expect(JSON.parse(cli('dossier', 'list', '--json').stdout).map((row: { id: string }) => row.id)).toEqual(['by-search']);
    const out = join(dir, 'large.pdf');
    const built = cli('dossier', 'build', '--dossier', 'by-search', '--out', out);
    expect(built.status).toBe(64);
    expect(built.stderr).toMatch(/at most 2000 incidents/);
    expect(existsSync(out)).toBe(false);
    const reopened = await unlockVault(store, DOSSIER_PASS);
    const { audit: _unlocks, ...kept } = written(reopened.db);
    expect(kept).toEqual({ dossiers: before.dossiers, editions: before.editions, files: before.files });
    reopened.close();
  });
});
