import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportInterchange } from '../../electron/services/interchange/json-export.ts';
import { ImportRejected, parseInterchange } from '../../electron/services/interchange/json-import.ts';
import { importInBatches } from '../../electron/services/interchange/batched-import.ts';
import { verifyAuditChain } from '../../electron/store/audit.ts';
import { getIncident } from '../../electron/store/repositories/incident-repository.ts';
import { searchIncidents } from '../../electron/store/repositories/incident-search.ts';
import { addTerm } from '../../electron/store/repositories/vocabulary-repository.ts';
import { createVault, type OpenVault } from '../../electron/store/vault.ts';
import { asFormat2 } from '../support/interchange.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';

const FIXTURE = readFileSync(fileURLToPath(new URL('../fixtures/border-detention.json', import.meta.url)), 'utf8');

async function emptyVault(): Promise<OpenVault> {
  return (await createVault(tempDir(), 'correct horse battery', { actor: 'tester', kdf: FAST_KDF })).vault;
}

function rejection(vault: OpenVault, file: unknown): ImportRejected {
  try {
    parseInterchange(vault.db, typeof file === 'string' ? file : JSON.stringify(file));
  } catch (error) {
    if (error instanceof ImportRejected) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

const fixture = () => JSON.parse(FIXTURE) as Record<string, { [key: string]: unknown }[]>;

describe('interchange JSON', () => {
  it('imports, is idempotent on re-import, and round-trips export → import → export exactly', async () => {
    const vault = await emptyVault();
    const first = await importInBatches(vault.db, parseInterchange(vault.db, FIXTURE), 'tester');
    expect(first.created).toEqual({ places: 2, persons: 2, incidents: 2, counterparts: 0, letters: 0 });
    const second = await importInBatches(vault.db, parseInterchange(vault.db, FIXTURE), 'tester');
    expect(second).toEqual({ created: { places: 0, persons: 0, incidents: 0, counterparts: 0, letters: 0 }, updated: { places: 2, persons: 2, incidents: 2, counterparts: 0, letters: 0 } });
    expect(vault.db.prepare('SELECT count(*) FROM incident').pluck().get()).toBe(2);
    expect(verifyAuditChain(vault.db)).toMatchObject({ ok: true, rows: 13 });

    const exported = exportInterchange(vault.db);
    // A file of format 1 comes back as format 2: the same records, each a Russian original.
    expect(JSON.parse(exported)).toEqual(asFormat2(JSON.parse(FIXTURE)));
    const other = await emptyVault();
    await importInBatches(other.db, parseInterchange(other.db, exported), 'tester');
    expect(exportInterchange(other.db)).toBe(exported);
    expect(getIncident(other.db, 'in-fotekh-2024-03')).toMatchObject({ victimIds: ['ps-group-40'], sources: [{ type: 'social-media-video' }] });
    vault.close();
    other.close();
  });

  it('names every problem by its JSON path and writes nothing', async () => {
    const vault = await emptyVault();
    const file = fixture();
    file.incidents![0]!.startDate = '2024-02-30';
    file.incidents![0]!.violationTypes = ['prolonged-border-detention', 'no-such-violation'];
    file.incidents![1]!.placeId = 'pl-nowhere';
    file.incidents![1]!.victimIds = ['ps-rahimov', 'ps-ghost'];
    file.persons![0]!.shoeSize = 42;
    file.places![1]!.id = 'pl-fotekh';
    const issues = rejection(vault, file).issues.map((issue) => `${issue.problem} ${issue.path}`);
    expect(issues).toEqual(
      expect.arrayContaining([
        'invalid $.incidents[0].startDate',
        'unknown-field $.persons[0].shoeSize',
        'duplicate-id $.places[1].id',
        'dangling-id $.incidents[1].placeId',
        'dangling-id $.incidents[1].victimIds[1]',
      ]),
    );
    expect(vault.db.prepare('SELECT count(*) FROM incident').pluck().get()).toBe(0);
    expect(vault.db.prepare('SELECT count(*) FROM place').pluck().get()).toBe(0);

    const codes = fixture();
    codes.incidents![0]!.violationTypes = ['prolonged-border-detention', 'no-such-violation'];
    expect(rejection(vault, codes).issues).toEqual([{ path: '$.incidents[0].violationTypes[1]', problem: 'unknown-code', message: 'not a known violation-type code' }]);
    // A term staff added is a known code.
    addTerm(vault.db, { kind: 'violation-type', code: 'no-such-violation', labels: { tg: 'Нав', ru: 'Новое', en: 'New' } });
    expect(() => parseInterchange(vault.db, JSON.stringify(codes))).not.toThrow();
    vault.close();
  });

  it('refuses malformed JSON, wrong formats, unknown sections, and bad counterparts or letters (never silently trimmed)', async () => {
    const vault = await emptyVault();
    expect(rejection(vault, '{"format": "ombuds-dossier/1", "places": [').issues[0]).toMatchObject({ path: '$', problem: 'malformed-json' });
    expect(rejection(vault, { format: 'ombuds-dossier/3' }).issues[0]).toMatchObject({ path: '$.format', problem: 'invalid' });
    expect(rejection(vault, { format: 'ombuds-dossier/1', victims: [] }).issues[0]).toMatchObject({ path: '$.victims', problem: 'unknown-field' });
    const counterpart = { id: 'cp-1', institution: 'Омбудсмен', position: 'Уполномоченный', name: 'Иванова Т. Н.', country: 'KZ' };
    const letter = { id: 'l1', direction: 'outgoing', number: '01-12/1', date: '2024-10-15', counterpartId: 'cp-1', subject: 'Обращение', incidentIds: ['in-fotekh-2024-03'] };
    const withLetters = {
      ...fixture(),
      counterparts: [counterpart, { ...counterpart, id: 'cp-2' }],
      letters: [
        letter,
        { ...letter, id: 'l2' }, // the same number in the same year
        { ...letter, id: 'l3', number: '01-12/3', incidentIds: ['in-nowhere'], counterpartId: 'cp-nowhere' },
        { ...letter, id: 'r1', direction: 'incoming', number: '5', date: '2024-10-01', inReplyTo: 'l1' }, // before the letter
        { ...letter, id: 'r2', direction: 'incoming', number: '6', date: '2024-11-01', inReplyTo: 'l1', counterpartId: 'cp-2' }, // another sender
        { ...letter, id: 'r3', direction: 'incoming', number: '7', date: '2024-11-01', inReplyTo: 'l-nowhere' },
      ],
    };
    expect(rejection(vault, withLetters).issues.map((issue) => `${issue.problem} ${issue.path}`)).toEqual([
      'duplicate-number $.letters[1].number',
      'dangling-id $.letters[2].counterpartId',
      'dangling-id $.letters[2].incidentIds[0]',
      'reply-before-letter $.letters[3].date',
      'other-counterpart $.letters[4].inReplyTo',
      'dangling-id $.letters[5].inReplyTo',
    ]);
    expect(rejection(vault, '[]').issues[0]).toMatchObject({ path: '$', problem: 'invalid' });
    vault.close();
  });

  it('keeps script and HTML in text fields as plain text', async () => {
    const vault = await emptyVault();
    const file = fixture();
    file.incidents![0]!.title = '<script>alert(1)</script> <img src=x onerror=alert(2)>';
    await importInBatches(vault.db, parseInterchange(vault.db, JSON.stringify(file)), 'tester');
    expect(getIncident(vault.db, 'in-fotekh-2024-03')?.title).toBe('<script>alert(1)</script> <img src=x onerror=alert(2)>');
    expect(searchIncidents(vault.db, { text: 'script alert' }).map((hit) => hit.id)).toEqual(['in-fotekh-2024-03']);
    vault.close();
  });
});

describe('search', () => {
  it('finds by Tajik words typed with or without Tajik letters, by names in both scripts, by prefix, and with filters', async () => {
    const vault = await emptyVault();
    await importInBatches(vault.db, parseInterchange(vault.db, FIXTURE), 'tester');
    const ids = (query: Parameters<typeof searchIncidents>[1]) => searchIncidents(vault.db, query).map((hit) => hit.id);
    expect(ids({ text: 'ғизо' })).toEqual(['in-fotekh-2024-03']);
    expect(ids({ text: 'гизо' })).toEqual(['in-fotekh-2024-03']);
    expect(ids({ text: 'САРҲАДӢ' })).toEqual(['in-fotekh-2024-03']);
    expect(ids({ text: 'Раҳимов' })).toEqual(['in-moscow-2024-10']);
    expect(ids({ text: 'rakhim' })).toEqual(['in-moscow-2024-10']);
    expect(ids({ text: 'избит' })).toEqual(['in-moscow-2024-10']);
    expect(ids({ text: 'video fotekh' })).toEqual(['in-fotekh-2024-03']);
    expect(ids({ text: 'ғизо телевидение' })).toEqual([]);
    expect(ids({ text: '"; DROP TABLE incident; --' })).toEqual([]);
    expect(ids({ text: 'NEAR(a b)' })).toEqual([]);
    expect(ids({ from: '2024-03-14', to: '2024-03-20' })).toEqual(['in-fotekh-2024-03']);
    expect(ids({ from: '2024-03-15' })).toEqual(['in-moscow-2024-10']);
    expect(ids({ violationTypes: ['ill-treatment', 'torture'] })).toEqual(['in-moscow-2024-10']);
    expect(ids({ characteristics: ['children'] })).toEqual(['in-fotekh-2024-03']);
    expect(ids({ country: 'RU' })).toEqual(['in-moscow-2024-10']);
    expect(ids({ statuses: ['raised'], confidentiality: ['confidential'] })).toEqual(['in-moscow-2024-10']);
    expect(ids({})).toEqual(['in-moscow-2024-10', 'in-fotekh-2024-03']);
    expect(() => searchIncidents(vault.db, { from: '2024-13-01' })).toThrow(expect.objectContaining({ code: 'invalid-input', detail: 'from' }));
    vault.close();
  });
});
