import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DossierService } from '../../electron/services/dossier/dossier-service.ts';
import { RecordsService } from '../../electron/services/records-service.ts';
import { saveTranslation } from '../../electron/services/translation-service.ts';
import { getIncident } from '../../electron/store/repositories/incident-repository.ts';
import { runCli } from '../support/cli.ts';
import { DOSSIER_DAY, DOSSIER_PASS, kzMeeting, scenarioVault } from '../support/dossier-scenario.ts';
import { tempDir } from '../support/temp.ts';

describe('a dossier whose incident changed after it was saved', () => {
  it('is built from the incident as it is now, with an `incident-changed` warning naming it, until the dossier is saved again', async () => {
    const vault = await scenarioVault(tempDir());
    const store = () => vault.db;
    const dossiers = new DossierService(store, 'clerk');
    dossiers.save(kzMeeting());
    expect((await dossiers.build('dossier-kz', DOSSIER_DAY)).warnings).toEqual([]);

    // An edit of the record: the build says so, and prints the new text.
    const moscow = getIncident(vault.db, 'in-moscow-2024-10')!;
    new RecordsService(store, 'clerk').saveIncident({ ...moscow, description: 'Сведения уточнены: посещение разрешено 12.10.2024.' });
    const afterEdit = await dossiers.build('dossier-kz', DOSSIER_DAY);
    expect(afterEdit.warnings).toEqual([{ code: 'incident-changed', id: 'in-moscow-2024-10' }]);
    expect(JSON.stringify(afterEdit.doc)).toContain('посещение разрешено 12.10.2024');

    // Saved again: the composition has seen the change, no warning.
    dossiers.save(kzMeeting());
    expect((await dossiers.build('dossier-kz', DOSSIER_DAY)).warnings).toEqual([]);

    // A translation typed for one of its texts is a change too.
    saveTranslation(vault.db, 'clerk', { entity: 'incident', id: 'in-fotekh-2024-03', field: 'title', language: 'en', text: 'Detention at the Fotekh crossing' });
    expect((await dossiers.build('dossier-kz', DOSSIER_DAY)).warnings).toEqual([{ code: 'incident-changed', id: 'in-fotekh-2024-03' }]);
    // An incident not in the dossier changing says nothing about it.
    dossiers.save(kzMeeting({ selection: { kind: 'incidents', incidentIds: ['in-fotekh-2024-03'] } }));
    new RecordsService(store, 'clerk').saveIncident({ ...getIncident(vault.db, 'in-moscow-2024-10')!, description: 'Ещё одно уточнение.' });
    expect((await dossiers.build('dossier-kz', DOSSIER_DAY)).warnings).toEqual([]);
    vault.close();
  });

  it('the CLI names the changed incident on stderr (by id, never its text) and still builds', async () => {
    const dir = tempDir();
    const vault = await scenarioVault(dir);
    const store = () => vault.db;
    new DossierService(store, 'clerk').save(kzMeeting());
    new RecordsService(store, 'clerk').saveIncident({ ...getIncident(vault.db, 'in-fotekh-2024-03')!, status: 'raised' });
    vault.close();
    const out = join(dir, 'draft.pdf');
    const built = runCli(['dossier', '--store', join(dir, 'vault'), 'build', '--dossier', 'dossier-kz', '--out', out], { OMBUDS_PASSPHRASE: DOSSIER_PASS });
    expect(built.status, built.stderr).toBe(0);
    expect(built.stderr).toMatch(/^warning: incident-changed in-fotekh-2024-03$/m);
    expect(built.stderr).not.toContain('Фотех');
  });
});
