import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../electron/app.ts';
import { addEvidence } from '../../electron/services/evidence/evidence-files.ts';
import { thumbnail as makeThumbnail } from '../../electron/documents/thumbnails.ts';
import { dossierFacts, type MakeThumbnail } from '../../electron/services/dossier/dossier-facts.ts';
import { unlockVault } from '../../electron/store/vault.ts';
import { dossierCompositionSchema, type DossierCompositionInput } from '../../shared/domain/dossier.ts';
import type { LetterDraft } from '../../shared/domain/letter-draft.ts';
import { buildDossier } from '../../shared/templates/dossier/dossier.ts';
import { pngImage } from '../support/images.ts';
import { PASS, preparedVault } from '../support/letter-registration.ts';
import { passphraseBytes } from '../support/passphrase.ts';
import { routerCall } from '../support/router-call.ts';
import { scriptedDialogs } from '../support/scripted-dialogs.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';

const AS_OF = '2025-01-10';
const composition = (overrides: Partial<DossierCompositionInput> = {}) =>
  dossierCompositionSchema.parse({
    id: 'ds-kz',
    title: 'Встреча с Уполномоченным по правам человека в Республике Казахстан',
    meeting: { with: 'Уполномоченный по правам человека в Республике Казахстан', place: 'г. Астана', date: '2025-02-01' },
    counterpartIds: ['cp-kz-ombudsman'],
    language: 'ru',
    classification: 'Для служебного пользования',
    selection: { kind: 'incidents', incidentIds: ['in-fotekh-2024-03', 'in-moscow-2024-10'] },
    sections: ['cover', 'contents', 'summary', 'ledger', 'incidents', 'evidence', 'letters'],
    ...overrides,
  });

/**
 * A FAST_KDF vault with the border-detention and Kazakh-ombudsman fixtures and the office, an appeal registered
 * through the app (so a frozen letter Doc exists), and three evidence files on the Fotekh incident: two photos and a
 * text file; the second photo's stored bytes are then damaged.
 */
async function vaultWithDossierRecords() {
  const { dir, draft } = await preparedVault(tempDir());
  const app = createApp({ dataDir: dir, dialogs: scriptedDialogs(), actor: 'clerk', kdf: FAST_KDF });
  const call = routerCall(app.router);
  await call('vault:unlock', { passphrase: passphraseBytes(PASS) });
  const { letter } = (await call('letters:registerDraft', draft as LetterDraft)) as { letter: { id: string; number: string } };
  app.dispose();
  const vault = await unlockVault(dir, PASS);
  const files = tempDir();
  const path = (name: string, bytes: Buffer) => (writeFileSync(join(files, name), bytes), join(files, name));
  const photo = addEvidence(vault.db, { incidentId: 'in-fotekh-2024-03', path: path('queue.png', pngImage(64, 48)), actor: 'analyst-1' });
  const damaged = addEvidence(vault.db, { incidentId: 'in-fotekh-2024-03', path: path('gate.png', pngImage(32, 32)), actor: 'analyst-1' });
  const note = addEvidence(vault.db, { incidentId: 'in-fotekh-2024-03', path: path('statement.txt', Buffer.from('Заявление родственников')), actor: 'analyst-1' });
  // A PNG cut off after its header: stored whole (its SHA-256 matches), but no picture can be made of it.
  const cut = addEvidence(vault.db, { incidentId: 'in-fotekh-2024-03', path: path('cut.png', pngImage(64, 64).subarray(0, 60)), actor: 'analyst-1' });
  vault.db.prepare('UPDATE evidence_chunk SET data = ? WHERE evidence_id = ? AND seq = 0').run(pngImage(32, 32, [0, 0, 0]), damaged.id);
  return { vault, letter, photo, damaged, note, cut };
}

describe('dossier facts from the store', () => {
  it('gathers incidents, texts in the language, the ledger, evidence (damaged marked), letters, figures and charts', async () => {
    const { vault, letter, photo, damaged, note, cut } = await vaultWithDossierRecords();
    let inFlight = 0;
    let most = 0;
    const decoded: string[] = [];
    // The real thumbnail maker, observed: it must be called one image at a time, never for a damaged file.
    const thumbnail: MakeThumbnail = async (bytes, mediaType) => {
      most = Math.max(most, (inFlight += 1));
      const made = await makeThumbnail(bytes, mediaType);
      decoded.push(mediaType);
      inFlight -= 1;
      return made;
    };
    const progress: number[] = [];
    const facts = await dossierFacts(vault.db, composition(), { asOf: AS_OF, thumbnail, onProgress: (done) => progress.push(done) });
    const { input } = facts;

    // The Tajik-written incident in its Russian translation; nothing missing in Russian.
    expect(input.incidents.map((incident) => incident.title)).toEqual(['Задержание граждан на пункте пропуска «Фотех»', 'Задержанные показаны избитыми по телевидению']);
    expect(facts.missing).toEqual([]);
    expect(facts.notFound).toEqual([]);

    const [counterpart] = input.counterparts;
    expect(counterpart!.ledger).toMatchObject({ sent: 12, answered: 1 });
    expect(counterpart!.entries).toHaveLength(13);
    expect(counterpart!.entries.find((entry) => entry.number === '01-12/110')).toMatchObject({ state: 'answered', links: [{ number: '4/7-2291', date: '2024-11-29' }] });
    expect(counterpart!.entries.find((entry) => entry.number === '01-12/100')).toMatchObject({ state: 'overdue', daysWaiting: 361 });

    const fotekh = input.incidents[0]!;
    expect(fotekh.reliability).toEqual(['probable']);
    expect(fotekh.evidence.map((file) => [file.id, file.damaged, file.thumbnail !== null, file.unshown])).toEqual([
      [photo.id, false, true, undefined],
      [damaged.id, true, false, undefined],
      [note.id, false, false, undefined],
      [cut.id, false, false, 'unreadable'],
    ]);
    expect(fotekh.evidence[0]!.thumbnail).toMatchObject({ mediaType: 'image/jpeg', width: 64, height: 48 });
    expect(fotekh.evidence[0]).toMatchObject({ fileName: 'queue.png', sha256: photo.sha256, addedBy: 'analyst-1' });
    expect(most).toBe(1);
    expect(decoded).toEqual(['image/png', 'image/png']);
    // Every letter that raised it (the eleven of the register and the one registered here) and the reply to the last.
    expect(fotekh.letters.map((ref) => ref.number)).toEqual([...Array.from({ length: 11 }, (_, i) => `01-12/${100 + i}`), '4/7-2291', letter.number]);
    expect(input.letters.map((frozen) => frozen.id)).toEqual([letter.id]);

    // The scenario's 40 migrants are one group tagged women and children: 40 people in a group including each, not 40 women and 40 children.
    expect(input.figures).toMatchObject({ incidents: 2, people: 41, individuals: 1, women: 0, children: 0, minors: 0, daysHeld: 4, places: 2, sent: 12, answered: 1 });
    expect(input.figures.inGroups).toEqual({ people: 40, groups: 1 });
    expect(input.figures.groupsWith).toMatchObject({ women: { people: 40, groups: 1 }, children: { people: 40, groups: 1 } });
    const byType = input.charts.find((chart) => chart.id === 'by-violation')!;
    expect(byType.series[0]!.values.reduce((a, b) => a + b, 0)).toBe(5);
    expect(progress.at(-1)).toBe(input.incidents.length + 3);

    // The withheld Раҳимов is never named in the dossier built from these facts.
    expect(JSON.stringify(buildDossier(input))).not.toContain('Раҳимов');
    vault.close();
  });

  it('re-runs a saved search, lists deleted incidents, lists missing texts in Tajik, and stops when cancelled', async () => {
    const { vault } = await vaultWithDossierRecords();
    const searched = await dossierFacts(vault.db, composition({ selection: { kind: 'search', query: { country: 'KZ' } } }), { asOf: AS_OF });
    expect(searched.input.incidents.map((incident) => incident.id)).toEqual(['in-fotekh-2024-03']);
    // Without a thumbnailer the photo is listed, not pictured.
    expect(searched.input.incidents[0]!.evidence.every((file) => file.thumbnail === null)).toBe(true);

    const gone = await dossierFacts(vault.db, composition({ selection: { kind: 'incidents', incidentIds: ['in-moscow-2024-10', 'in-deleted'] } }), { asOf: AS_OF });
    expect(gone.notFound).toEqual(['in-deleted']);
    expect(gone.input.incidents.map((incident) => incident.id)).toEqual(['in-moscow-2024-10']);

    const tajik = await dossierFacts(vault.db, composition({ language: 'tg' }), { asOf: AS_OF });
    expect(tajik.unresolved).toEqual(expect.arrayContaining(['incident:in-moscow-2024-10:title', 'place:pl-fotekh:name']));
    expect(tajik.input.incidents[0]!.title).toBe('Боздошти шаҳрвандон дар гузаргоҳи сарҳадии Фотех');

    // A video too large to hash at each build: whole, then with its last chunk gone (a file cut short in the store).
    const files = tempDir();
    writeFileSync(join(files, 'clip.mp4'), Buffer.alloc(65 * 1024 ** 2, 7));
    const clip = addEvidence(vault.db, { incidentId: 'in-moscow-2024-10', path: join(files, 'clip.mp4'), actor: 'analyst-1' });
    const clipState = async () => (await dossierFacts(vault.db, composition(), { asOf: AS_OF })).input.incidents[1]!.evidence.find((file) => file.id === clip.id)!.damaged;
    expect(await clipState()).toBe(false);
    vault.db.prepare('DELETE FROM evidence_chunk WHERE evidence_id = ? AND seq = 64').run(clip.id);
    expect(await clipState()).toBe(true);

    const controller = new AbortController();
    controller.abort();
    await expect(dossierFacts(vault.db, composition(), { asOf: AS_OF, signal: controller.signal })).rejects.toMatchObject({ code: 'cancelled' });
    vault.close();
  });
});
