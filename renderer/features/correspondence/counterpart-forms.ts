import { addresseeDefaults, inferGender } from '../../../shared/domain/addressee.ts';
import { counterpartOriginal, type Counterpart } from '../../../shared/domain/correspondence.ts';
import { textIn } from '../../../shared/domain/translations.ts';
import type { Language } from '../../../shared/domain/vault.ts';
import { recordLanguages } from '../translations/translation-edit.ts';

/** The two forms a letter opens with, per language: the addressee block and the salutation. */
export const formKinds = ['addressee', 'salutation'] as const;
export type FormKind = (typeof formKinds)[number];
export type Forms = Partial<Record<Language, Partial<Record<FormKind, string>>>>;

const original = (counterpart: Counterpart) => counterpartOriginal(counterpart);
/** The card's texts with its original language resolved, as `textIn` reads them. */
const readable = (counterpart: Counterpart) => ({ ...counterpart, originalLanguage: original(counterpart) });

/** The forms staff wrote (kept as written), per language: the original's in its own fields, the others in translations. */
export function storedForms(counterpart: Counterpart): Forms {
  const forms: Forms = {};
  for (const language of recordLanguages) {
    const own = language === original(counterpart);
    const addressee = own ? counterpart.addresseeDative : counterpart.translations?.[language]?.addressee;
    const salutation = own ? counterpart.salutation : counterpart.translations?.[language]?.salutation;
    if (addressee || salutation) forms[language] = { ...(addressee ? { addressee } : {}), ...(salutation ? { salutation } : {}) };
  }
  return forms;
}

/** The gender the letters use: the card's, else what the name tells in any language; undefined means the card must ask. */
export function letterGender(counterpart: Counterpart): 'male' | 'female' | undefined {
  if (counterpart.gender) return counterpart.gender;
  for (const language of [original(counterpart), ...recordLanguages]) {
    const name = textIn(readable(counterpart), 'name', language);
    const inferred = name ? inferGender(name) : undefined;
    if (inferred) return inferred;
  }
  return undefined;
}

/**
 * The forms derived from the position and name in `language`, or null where the card lacks either in that language.
 * Without a gender no salutation is derived: a letter never says «Уважаемый(-ая)».
 */
export function derivedForms(counterpart: Counterpart, language: Language): { addressee: string; salutation: string | null } | null {
  const position = textIn(readable(counterpart), 'position', language)?.trim();
  const name = textIn(readable(counterpart), 'name', language)?.trim();
  if (!position || !name) return null;
  const gender = letterGender(counterpart);
  const derived = addresseeDefaults({ position, name, language, ...(gender ? { gender } : {}) });
  return { addressee: derived.addresseeDative, salutation: derived.salutation ?? null };
}

/**
 * The card with `forms` as the staff's wording: a form equal to the derived one, or blank, is not stored (it follows
 * the name and position when they change).
 */
export function withForms(counterpart: Counterpart, forms: Forms): Counterpart {
  const own = original(counterpart);
  const written = (language: Language): Partial<Record<FormKind, string>> => {
    const derived = derivedForms(counterpart, language);
    const entries = formKinds.flatMap((kind) => {
      const text = forms[language]?.[kind]?.trim();
      const automatic = (kind === 'addressee' ? derived?.addressee : derived?.salutation)?.trim();
      return text && text !== automatic ? [[kind, text] as const] : [];
    });
    return Object.fromEntries(entries);
  };
  const translations: NonNullable<Counterpart['translations']> = {};
  for (const language of recordLanguages.filter((l) => l !== own)) {
    const { addressee: _addressee, salutation: _salutation, ...texts } = counterpart.translations?.[language] ?? {};
    const next = { ...texts, ...written(language) };
    if (Object.keys(next).length > 0) translations[language] = next;
  }
  const ownForms = written(own);
  const { addresseeDative: _dative, salutation: _salutation, translations: _translations, ...rest } = counterpart;
  return {
    ...rest,
    originalLanguage: own,
    ...(ownForms.addressee ? { addresseeDative: ownForms.addressee } : {}),
    ...(ownForms.salutation ? { salutation: ownForms.salutation } : {}),
    ...(Object.keys(translations).length > 0 ? { translations } : {}),
  };
}

/** The forms a letter in `language` opens with: the staff's where written, else the derived ones (either may be absent). */
export function formsIn(counterpart: Counterpart, language: Language): Partial<Record<FormKind, string>> {
  const written = storedForms(counterpart)[language];
  const derived = derivedForms(counterpart, language);
  const addressee = written?.addressee ?? derived?.addressee;
  const salutation = written?.salutation ?? derived?.salutation ?? undefined;
  return { ...(addressee ? { addressee } : {}), ...(salutation ? { salutation } : {}) };
}
