import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInterchange } from '../../electron/services/interchange/json-import.ts';
import { importInBatches } from '../../electron/services/interchange/batched-import.ts';
import { appendAudit, verifyAuditChain } from '../../electron/store/audit.ts';
import { getIncident } from '../../electron/store/repositories/incident-repository.ts';
import { searchIncidents } from '../../electron/store/repositories/incident-search.ts';
import { mergePersons, suggestDuplicates } from '../../electron/store/repositories/person-duplicates.ts';
import { getPerson, upsertPerson } from '../../electron/store/repositories/person-repository.ts';
import { createVault } from '../../electron/store/vault.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';

const FIXTURE = readFileSync(new URL('../fixtures/border-detention.json', import.meta.url), 'utf8');

describe('duplicate persons', () => {
  it('suggests the same person entered in another script, and merges keeping every incident link', async () => {
    const { vault } = await createVault(tempDir(), 'correct horse battery', { actor: 'tester', kdf: FAST_KDF });
    const db = vault.db;
    await importInBatches(db, parseInterchange(db, FIXTURE), 'tester');

    // A colleague enters the same man in Russian spelling, with the same birth date, and links a second incident.
    expect(suggestDuplicates(db, { name: 'Рахимов Джамшед', birthDate: '1991-04-17' })).toEqual([
      { personId: 'ps-rahimov', name: 'Раҳимов Ҷамшед', reasons: ['same-name', 'same-birth-date'] },
    ]);
    expect(suggestDuplicates(db, { name: 'Jamshed Rakhimov' })).toEqual([{ personId: 'ps-rahimov', name: 'Раҳимов Ҷамшед', reasons: ['same-name'] }]);
    expect(suggestDuplicates(db, { name: 'Каримов Джамшед', birthDate: '1991-04-17' })).toEqual([]);

    upsertPerson(db, { id: 'ps-rakhimov-ru', kind: 'individual', name: 'Рахимов Джамшед', birthDate: '1991-04-17', characteristics: ['public-sector-employees'], contact: '+7 900 000 00 00', disclosure: 'consented' });
    const incident = getIncident(db, 'in-fotekh-2024-03')!;
    const { upsertIncident } = await import('../../electron/store/repositories/incident-repository.ts');
    upsertIncident(db, { ...incident, victimIds: [...incident.victimIds, 'ps-rakhimov-ru'] });

    db.transaction(() => {
      const merged = mergePersons(db, 'ps-rahimov', 'ps-rakhimov-ru');
      appendAudit(db, { actor: 'tester', action: 'person.merge', entity: 'person', entityId: 'ps-rahimov', before: { merged: 'ps-rakhimov-ru' }, after: merged });
    })();
    expect(getPerson(db, 'ps-rakhimov-ru')).toBeUndefined();
    expect(getPerson(db, 'ps-rahimov')).toMatchObject({ characteristics: ['migrant-workers', 'public-sector-employees'], contact: '+992 90 000 00 00', disclosure: 'withheld' });
    expect(getIncident(db, 'in-fotekh-2024-03')!.victimIds).toEqual(['ps-group-40', 'ps-rahimov']);
    expect(getIncident(db, 'in-moscow-2024-10')!.victimIds).toEqual(['ps-rahimov']);
    expect(searchIncidents(db, { text: 'Раҳимов' }).map((hit) => hit.id).sort()).toEqual(['in-fotekh-2024-03', 'in-moscow-2024-10']);
    expect(verifyAuditChain(db).ok).toBe(true);
    vault.close();
  });
});
