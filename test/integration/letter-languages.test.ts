import { createHash } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../electron/app.ts';
import { canonicalJson } from '../../electron/store/audit.ts';
import { unlockVault } from '../../electron/store/vault.ts';
import type { LetterDraft } from '../../shared/domain/letter-draft.ts';
import { missingTextKey, type MissingText, type TranslationInput } from '../../shared/domain/translations.ts';
import type { Language } from '../../shared/domain/vault.ts';
import type { LetterKind } from '../../shared/templates/letters/input.ts';
import { pdfText } from '../support/documents.ts';
import { letterServices, PASS } from '../support/letter-registration.ts';
import { passphraseBytes } from '../support/passphrase.ts';
import { routerCall } from '../support/router-call.ts';
import { scriptedDialogs } from '../support/scripted-dialogs.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';

const office = readFileSync(new URL('../fixtures/office.json', import.meta.url), 'utf8');

/** Records as a new user enters them: in Russian only. */
const RU = {
  place: { id: 'pl-msk', originalLanguage: 'ru', name: 'ЦВСИГ № 1, г. Москва', kind: 'detention-facility', country: 'RU' },
  persons: [
    { id: 'ps-rakhimov', kind: 'individual', name: 'Рахимов Алишер', nameLatin: 'Rakhimov Alisher', gender: 'male', disclosure: 'consented' },
    { id: 'ps-saidova', kind: 'individual', name: 'Саидова Мадина', gender: 'female', disclosure: 'consented' },
    { id: 'ps-karimov', kind: 'individual', name: 'Каримов Фарход', nameLatin: 'Karimov Farkhod', gender: 'male', disclosure: 'withheld' },
  ],
  incident: {
    id: 'in-msk',
    originalLanguage: 'ru',
    title: 'Задержание трудовых мигрантов в Москве',
    description: 'Сотрудники полиции задержали граждан Таджикистана и удерживали их без пищи трое суток.',
    startDate: '2024-10-01',
    endDate: '2024-10-03',
    placeId: 'pl-msk',
    violationTypes: ['deprivation-of-food-water'],
    victimIds: ['ps-rakhimov', 'ps-saidova', 'ps-karimov'],
    sources: [
      { type: 'complaint', reference: 'Жалоба родственников задержанных', date: '2024-10-05', reliability: 'confirmed' },
      { type: 'media-report', reference: 'https://example.org/news/1' },
    ],
  },
  counterpart: {
    id: 'cp-ru',
    institution: 'Аппарат Уполномоченного по правам человека в Российской Федерации',
    position: 'Уполномоченный по правам человека в Российской Федерации',
    name: 'Т.Н. Москалькова',
    language: 'ru',
    address: '101000, г. Москва, ул. Мясницкая, 47',
    country: 'RU',
  },
};

/** The texts staff type where the Tajik and English drafts list them missing. */
const TRANSLATIONS: Record<'tg' | 'en', [TranslationInput['entity'], string, string, string][]> = {
  tg: [
    ['incident', 'in-msk', 'title', 'Боздошти муҳоҷирони меҳнатӣ дар Маскав'],
    ['incident', 'in-msk', 'description', 'Кормандони пулис шаҳрвандони Тоҷикистонро боздошт карда, онҳоро се шабонарӯз бе хӯрок нигоҳ доштанд.'],
    ['place', 'pl-msk', 'name', 'Маркази нигоҳдории шаҳрвандони хориҷӣ № 1, ш. Маскав'],
    ['source', 'in-msk/0', 'reference', 'Шикояти хешовандони боздоштшудагон'],
    ['counterpart', 'cp-ru', 'institution', 'Дастгоҳи Ваколатдор оид ба ҳуқуқи инсон дар Федератсияи Россия'],
    ['counterpart', 'cp-ru', 'position', 'Ваколатдор оид ба ҳуқуқи инсон дар Федератсияи Россия'],
    ['counterpart', 'cp-ru', 'name', 'Т.Н. Москалкова'],
    ['office', 'office', 'executor', 'Д. Каримова'],
  ],
  en: [
    ['incident', 'in-msk', 'title', 'Detention of migrant workers in Moscow'],
    ['incident', 'in-msk', 'description', 'Police officers detained citizens of Tajikistan and held them without food for three days.'],
    ['place', 'pl-msk', 'name', 'Temporary Detention Centre for Foreign Nationals No. 1, Moscow'],
    ['source', 'in-msk/0', 'reference', 'Complaint by relatives of the detainees'],
    ['counterpart', 'cp-ru', 'institution', 'Office of the High Commissioner for Human Rights in the Russian Federation'],
    ['counterpart', 'cp-ru', 'position', 'High Commissioner for Human Rights in the Russian Federation'],
    ['counterpart', 'cp-ru', 'name', 'Tatiana Moskalkova'],
    ['office', 'office', 'executor', 'D. Karimova'],
    ['person', 'ps-saidova', 'nameLatin', 'Saidova Madina'],
  ],
};

/** What a Tajik letter lacks from the Russian-only records; an English one lacks a consented victim's Latin name too. */
const MISSING_TG = [
  'office:office:executor',
  'counterpart:cp-ru:institution',
  'counterpart:cp-ru:position',
  'counterpart:cp-ru:name',
  'counterpart:cp-ru:salutation',
  'incident:in-msk:title',
  'incident:in-msk:description',
  'place:pl-msk:name',
  'source:in-msk/0:reference',
];
const MISSING_EN = [...MISSING_TG.slice(0, -1), 'person:ps-saidova:nameLatin', ...MISSING_TG.slice(-1)];

/** A FAST_KDF vault with the Russian-only records and the office, through the window's channels. */
async function russianOnlyVault() {
  const dir = tempDir();
  const app = createApp({ dataDir: dir, dialogs: scriptedDialogs(), actor: 'clerk', kdf: FAST_KDF });
  const call = routerCall(app.router);
  await call('vault:create', { passphrase: passphraseBytes(PASS) });
  await call('places:save', RU.place);
  for (const person of RU.persons) await call('persons:save', person);
  await call('incidents:save', RU.incident);
  await call('counterparts:save', RU.counterpart);
  await call('office:save', JSON.parse(office));
  return { dir, app, call };
}

const request = (language: Language, kind: LetterKind = 'appeal', keepOriginal: string[] = []) => ({
  kind,
  counterpartId: 'cp-ru',
  language,
  incidentIds: kind === 'follow-up' ? [] : ['in-msk'],
  keepOriginal,
});

const digest = (value: unknown) => createHash('sha256').update(canonicalJson(value)).digest('hex');

/** Lowercase words of three letters or more. */
const words = (text: string) => new Set(text.toLowerCase().split(/[^\p{L}]+/u).filter((word) => word.length >= 3));
const union = (...sets: Set<string>[]) => new Set(sets.flatMap((set) => [...set]));

/** The record texts of each language: the Russian originals and the translations typed. */
function textsOf(language: Language): Set<string> {
  if (language === 'ru') return words([RU.place.name, RU.incident.title, RU.incident.description, RU.incident.sources[0]!.reference, RU.counterpart.institution, RU.counterpart.position, RU.counterpart.name, JSON.parse(office).executor.name].join(' '));
  return words(TRANSLATIONS[language].map(([, , , text]) => text).join(' '));
}

/** Words of the other languages' record texts that the letter's own language does not share. */
function foreignWords(language: Language): Set<string> {
  const own = textsOf(language);
  const others = union(...(['ru', 'tg', 'en'] as const).filter((other) => other !== language).map(textsOf));
  return new Set([...others].filter((word) => !own.has(word)));
}

/** The registered PDF's text, lines joined where a word was hyphenated across them. */
function registeredText(bytes: Buffer): string {
  const path = join(tempDir(), 'letter.pdf');
  writeFileSync(path, bytes);
  return pdfText(path).replace(/[-\u00ad]\n/g, '');
}

describe('a letter is wholly in its language: records entered in Russian only', () => {
  it('a Tajik (and English) draft lists every untranslated field, registering is refused until each is translated or kept, through IPC', async () => {
    const { app, call } = await russianOnlyVault();
    const keys = (draft: LetterDraft) => draft.missing.map(missingTextKey);
    const tg = (await call('letters:draft', request('tg'))) as LetterDraft;
    expect(keys(tg)).toEqual(MISSING_TG);
    expect(tg.missing.find((m) => m.entity === 'incident' && m.field === 'title')).toEqual({
      entity: 'incident',
      id: 'in-msk',
      field: 'title',
      context: RU.incident.title,
      original: RU.incident.title,
      originalLanguage: 'ru',
    } satisfies MissingText);
    // The Doc shows the gap, never the Russian text.
    const tgDoc = JSON.stringify(tg.doc);
    expect(tgDoc).toContain('[тарҷума нест]');
    expect(tgDoc).not.toContain(RU.incident.title);
    expect(keys((await call('letters:draft', request('en'))) as LetterDraft)).toEqual(MISSING_EN);
    expect(((await call('letters:draft', request('ru'))) as LetterDraft).missing).toEqual([]);

    // Refused, and nothing numbered: the service recomputes the list, a draft claiming none is refused too.
    await expect(call('letters:registerDraft', tg)).rejects.toThrow('translation-missing');
    await expect(call('letters:registerDraft', { ...tg, missing: [] })).rejects.toThrow('translation-missing');
    expect(await call('letters:list', { counterpartId: 'cp-ru', asOf: '2030-01-01' })).toEqual([]);

    // Keeping the original of every one registers, with the originals quoted and the choice audited.
    const kept = (await call('letters:draft', request('en', 'appeal', MISSING_EN))) as LetterDraft;
    expect(JSON.stringify(kept.doc)).toContain(`“${RU.incident.title}”`);
    const registered = (await call('letters:registerDraft', kept)) as { letter: { id: string }; fingerprint: string };
    const db = app.session.store();
    // The log keeps digests only (no case text): the choice at drafting, and again with the letter frozen.
    const audits = db.prepare(`SELECT action, after_digest AS after FROM audit_log WHERE entity_id = ? AND action <> 'letter.register' ORDER BY seq`).all(registered.letter.id) as { action: string; after: string }[];
    expect(audits).toEqual([
      { action: 'letter.keep-original', after: digest({ kept: MISSING_EN }) },
      { action: 'letter.freeze', after: digest({ sha256: registered.fingerprint, revealWithheld: false, keptOriginal: MISSING_EN }) },
    ]);

    // Translations typed in the draft's boxes are saved back (audited); the draft then lacks nothing.
    for (const [entity, id, field, text] of TRANSLATIONS.tg) await call('records:saveTranslation', { entity, id, field, language: 'tg', text });
    expect(((await call('letters:draft', request('tg'))) as LetterDraft).missing).toEqual([]);
    expect(db.prepare(`SELECT count(*) FROM audit_log WHERE action = 'translation.save'`).pluck().get()).toBe(TRANSLATIONS.tg.length);
    // A draft made before the translations still shows the gap: it is refused, to be drafted again.
    await expect(call('letters:registerDraft', tg)).rejects.toThrow('translation-missing');
    await expect(call('records:saveTranslation', { entity: 'incident', id: 'in-msk', field: 'title', language: 'ru', text: 'x' })).rejects.toThrow('invalid-input');
    app.dispose();
  });

  it('after the translations are saved, every kind registered in Tajik and English has no Russian word, and in Russian no Tajik word (pdftotext)', async () => {
    const { dir, app, call } = await russianOnlyVault();
    for (const language of ['tg', 'en'] as const) {
      for (const [entity, id, field, text] of TRANSLATIONS[language]) await call('records:saveTranslation', { entity, id, field, language, text });
    }
    app.dispose();
    for (const language of ['tg', 'en', 'ru'] as const) {
      // Each language in its own copy, so a follow-up lists only the letters of its language.
      const copy = tempDir();
      cpSync(dir, copy, { recursive: true });
      const vault = await unlockVault(copy, PASS);
      const { letters } = letterServices(vault);
      const forbidden = foreignWords(language);
      const dates: Record<LetterKind, string> = { appeal: '2025-01-10', 'information-request': '2025-01-11', 'follow-up': '2025-03-03' };
      for (const kind of ['appeal', 'information-request', 'follow-up'] as const) {
        const draft = letters.draft(request(language, kind), dates[kind]);
        expect({ language, kind, missing: draft.missing }).toEqual({ language, kind, missing: [] });
        const { letter } = await letters.register(draft, dates[kind]);
        const text = registeredText(letters.file(letter.id, 'pdf').bytes);
        const found = [...words(text)].filter((word) => forbidden.has(word));
        expect({ language, kind, found }).toEqual({ language, kind, found: [] });
        // And the letter does tell the case in its own language.
        const title = language === 'ru' ? RU.incident.title : TRANSLATIONS[language][0]![3];
        expect(text.replace(/\s+/g, ' ')).toContain(title.split(' ').slice(-2).join(' '));
      }
      vault.close();
    }
  });
});
