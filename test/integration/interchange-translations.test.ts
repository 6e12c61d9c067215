import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importInBatches } from '../../electron/services/interchange/batched-import.ts';
import { exportInterchange } from '../../electron/services/interchange/json-export.ts';
import { ImportRejected, parseInterchange } from '../../electron/services/interchange/json-import.ts';
import { getIncident } from '../../electron/store/repositories/incident-repository.ts';
import { searchIncidents } from '../../electron/store/repositories/incident-search.ts';
import { getCounterpart } from '../../electron/store/repositories/letter-repository.ts';
import { getPlace } from '../../electron/store/repositories/place-repository.ts';
import { createVault, type OpenVault } from '../../electron/store/vault.ts';
import { asFormat2 } from '../support/interchange.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';

// The border-detention fixture as format 1 wrote it: no languages, one incident with a Tajik title and description.
const FIXTURE = readFileSync(fileURLToPath(new URL('../fixtures/border-detention-format-1.json', import.meta.url)), 'utf8');

async function emptyVault(): Promise<OpenVault> {
  return (await createVault(tempDir(), 'correct horse battery', { actor: 'tester', kdf: FAST_KDF })).vault;
}

function problems(vault: OpenVault, file: unknown): string[] {
  try {
    parseInterchange(vault.db, JSON.stringify(file));
  } catch (error) {
    if (error instanceof ImportRejected) return error.issues.map((issue) => `${issue.problem} ${issue.path}`);
    throw error;
  }
  return [];
}

/** A file of format 2 using every translation it can carry. */
function translatedFile() {
  const base = asFormat2(JSON.parse(FIXTURE)) as ReturnType<typeof asFormat2> & { places: Record<string, unknown>[]; persons: Record<string, unknown>[]; incidents: Record<string, unknown>[] };
  return {
    ...base,
    places: [{ ...base.places[0], translations: { tg: { name: 'Гузаргоҳи «Фотех»' }, en: { name: 'Fotekh checkpoint' } } }, base.places[1]],
    persons: [base.persons[0], { ...base.persons[1], gender: 'male' }],
    counterparts: [
      {
        id: 'cp-ru',
        originalLanguage: 'ru',
        institution: 'Аппарат Уполномоченного по правам человека в Российской Федерации',
        position: 'Уполномоченный по правам человека в Российской Федерации',
        name: 'Т.Н. Москалькова',
        gender: 'female',
        language: 'ru',
        address: '',
        country: 'RU',
        deliveryChannel: 'diplomatic',
        replyTerm: { days: 30, kind: 'calendar' },
        translations: {
          tg: { institution: 'Дастгоҳи Ваколатдор оид ба ҳуқуқи инсон дар Федератсияи Россия', position: 'Ваколатдор оид ба ҳуқуқи инсон дар Федератсияи Россия', name: 'Т.Н. Москалкова', salutation: 'Муҳтарама Татяна Николаевна!' },
          en: { position: 'High Commissioner for Human Rights in the Russian Federation', name: 'Tatiana Moskalkova' },
        },
      },
    ],
    incidents: [
      {
        ...base.incidents[0],
        originalLanguage: 'tg',
        translations: { ru: { title: 'Задержание граждан на КПП «Фотех»', description: 'Граждан Таджикистана четыре дня держали без еды.' }, en: { title: 'Citizens held at the Fotekh crossing' } },
        sources: (base.incidents[0]!.sources as object[]).map((source) => ({ ...source, translations: { ru: { reference: 'Видео очевидца' } } })),
      },
      base.incidents[1],
    ],
  };
}

describe('interchange format 2: records in several languages', () => {
  it('export → import → export round-trips every translation, original language and gender exactly', async () => {
    const vault = await emptyVault();
    const file = translatedFile();
    await importInBatches(vault.db, parseInterchange(vault.db, JSON.stringify(file)), 'tester');
    const exported = exportInterchange(vault.db);
    expect(JSON.parse(exported)).toEqual(file);
    const other = await emptyVault();
    await importInBatches(other.db, parseInterchange(other.db, exported), 'tester');
    expect(exportInterchange(other.db)).toBe(exported);
    expect(getPlace(other.db, 'pl-fotekh')?.translations).toEqual({ tg: { name: 'Гузаргоҳи «Фотех»' }, en: { name: 'Fotekh checkpoint' } });
    expect(getCounterpart(other.db, 'cp-ru')).toMatchObject({ originalLanguage: 'ru', translations: { en: { name: 'Tatiana Moskalkova' } } });
    vault.close();
    other.close();
  });

  it('a file of format 1 imports unchanged: the same records without translations, Russian originals unless their letters show Tajik or English', async () => {
    const vault = await emptyVault();
    await importInBatches(vault.db, parseInterchange(vault.db, FIXTURE), 'tester');
    const v1 = JSON.parse(FIXTURE);
    // «Боздошти шаҳрвандон дар гузаргоҳи сарҳадии Фотех»: filed as Tajik, so a Russian letter asks for its translation.
    expect(getIncident(vault.db, 'in-fotekh-2024-03')).toEqual({ ...v1.incidents[0], originalLanguage: 'tg' });
    expect(getIncident(vault.db, 'in-moscow-2024-10')).toEqual({ ...v1.incidents[1], originalLanguage: 'ru' });
    expect(getPlace(vault.db, 'pl-fotekh')).toEqual({ ...v1.places[0], originalLanguage: 'ru' });
    vault.close();
  });

  it('format 1 knows no translations; a translation into the original language or of an unknown field is refused with its path', async () => {
    const vault = await emptyVault();
    const v1 = JSON.parse(FIXTURE);
    v1.incidents[0].translations = { ru: { title: 'Задержание' } };
    v1.persons[0].gender = 'male';
    expect(problems(vault, v1)).toEqual(['unknown-field $.persons[0].gender', 'unknown-field $.incidents[0].translations']);

    const file = translatedFile();
    file.incidents[0] = { ...file.incidents[0], translations: { tg: { title: 'Боздошт' } } };
    (file.incidents[0]!.sources as Record<string, unknown>[])[0]!.translations = { tg: { reference: 'Видео' } };
    file.places[0] = { ...file.places[0], translations: { ru: { name: 'КПП' } } };
    file.counterparts[0] = { ...file.counterparts[0]!, translations: { ru: { name: 'Москалькова' }, tg: { gender: 'female' } } as never };
    expect(problems(vault, file).sort()).toEqual(
      [
        'invalid $.places[0].translations.ru',
        'invalid $.incidents[0].translations.tg',
        'invalid $.incidents[0].sources[0].translations.tg',
        'unknown-field $.counterparts[0].translations.tg.gender',
      ].sort(),
    );
    vault.close();
  });

  it('a search in Tajik finds a Russian incident by its Tajik title, and by its Tajik source', async () => {
    const vault = await emptyVault();
    const file = translatedFile();
    file.incidents[1] = { ...file.incidents[1], translations: { tg: { title: 'Боздошташудагон дар телевизион', description: 'Лату кӯб' } } };
    await importInBatches(vault.db, parseInterchange(vault.db, JSON.stringify(file)), 'tester');
    const ids = (text: string) => searchIncidents(vault.db, { text, limit: 10, offset: 0 }).map((hit) => hit.id);
    expect(ids('телевизион')).toEqual(['in-moscow-2024-10']);
    expect(ids('кӯб')).toEqual(['in-moscow-2024-10']);
    expect(ids('очевидца')).toEqual(['in-fotekh-2024-03']);
    vault.close();
  });
});
