import { addresseeDefaults } from '../../../shared/domain/addressee.ts';
import { counterpartOriginal, type Counterpart } from '../../../shared/domain/correspondence.ts';
import type { LetterDraft } from '../../../shared/domain/letter-draft.ts';
import type { Office } from '../../../shared/domain/office.ts';
import { textIn } from '../../../shared/domain/translations.ts';
import type { Language } from '../../../shared/domain/vault.ts';
import type { LetterParties } from '../../../shared/templates/letters/input.ts';
import { AppError } from '../../errors/app-error.ts';
import type { LetterTexts, TextRef } from './letter-texts.ts';

/** The language an office text was first written in: the first that has one (Russian, then Tajik, then English). */
const writtenIn = (value: Record<Language, string>): Language | undefined => (['ru', 'tg', 'en'] as const).find((language) => value[language].trim() !== '');

/**
 * The letterhead, addressee, signatory and executor in the letter's language, every text through `texts`: an office
 * text that exists in another language only is listed as missing (no silent fallback to Russian), and so are the
 * counterpart's institution, position and name. Returns what had to be derived as warnings.
 */
export function letterParties(office: Office, counterpart: Counterpart, signatoryId: string | undefined, texts: LetterTexts): { parties: LetterParties; warnings: LetterDraft['warnings'] } {
  const { language } = texts;
  const warnings: LetterDraft['warnings'] = [];
  const signatory = signatoryId ? office.signatories.find((s) => s.id === signatoryId) : office.signatories[0];
  if (!signatory) throw new AppError('office-incomplete', { detail: signatoryId ? `no signatory "${signatoryId}"` : 'no signatory: add one in Settings → Letters' });
  const officeName = writtenIn(office.name);
  const officeText = (field: string, value: Record<Language, string>): string => {
    const original = writtenIn(value);
    if (!original) return '';
    return texts.pick({ entity: 'office', id: 'office', field, context: officeName ? office.name[officeName] : '' }, value[language], value[original], original);
  };
  const executorName = office.executor ? officeText('executor', office.executor.name) : '';
  if (!executorName) warnings.push('no-executor');
  const addressee = addresseeIn(counterpart, texts);
  if (addressee.derived) warnings.push('addressee-derived');
  return {
    warnings,
    parties: {
      office: { name: officeText('name', office.name), addressLines: officeText('address', office.address).split('\n').map((line) => line.trim()).filter(Boolean), emblem: office.emblem },
      counterpart: {
        institution: addressee.institution,
        addresseeLines: addressee.lines.split('\n').filter((line) => line.trim()),
        ...(addressee.salutation ? { salutation: addressee.salutation } : {}),
        country: counterpart.country,
        replyDays: counterpart.replyTerm.days,
      },
      signatory: { position: officeText(`signatory:${signatory.id}:position`, signatory.position), name: officeText(`signatory:${signatory.id}:name`, signatory.name) },
      executor: office.executor && executorName ? { name: executorName, phone: office.executor.phone } : null,
    },
  };
}

/**
 * The counterpart's institution, addressee block and salutation in the letter's language. The card's own forms for
 * that language (the original's `addresseeDative`/`salutation`, else `translations[language]`) come first; else they
 * are derived from the position and name in that language (a warning); where those are missing they are listed and
 * the block shows what there is. A salutation needs the gender: unknown, it is listed as `counterpart:<id>:gender`.
 */
function addresseeIn(counterpart: Counterpart, texts: LetterTexts): { institution: string; lines: string; salutation?: string; derived: boolean } {
  const { language } = texts;
  const original = counterpartOriginal(counterpart);
  const card = { ...counterpart, originalLanguage: original };
  const about = { entity: 'counterpart' as const, id: counterpart.id, context: counterpart.institution };
  const institution = texts.field(about, card, 'institution');
  const own = language === original ? { addressee: counterpart.addresseeDative, salutation: counterpart.salutation } : (counterpart.translations?.[language] ?? {});
  let lines = own.addressee;
  let salutation = own.salutation;
  let derived = false;
  const position = textIn(card, 'position', language);
  const name = textIn(card, 'name', language);
  if (!lines || !salutation) {
    if (position && name) {
      const forms = addresseeDefaults({ position, name, language, gender: counterpart.gender });
      derived = !lines || (!salutation && forms.salutation !== undefined);
      lines ??= forms.addresseeDative;
      salutation ??= forms.salutation;
      if (!salutation && forms.needsGender) texts.absent({ ...about, field: 'gender' } satisfies TextRef, '', original);
    } else {
      // The position or the name has no text in this language: both are listed, and nothing is derived from the other language.
      lines ??= [texts.field(about, card, 'position'), texts.field(about, card, 'name')].join('\n');
      const originalSalutation = counterpart.salutation ?? addresseeDefaults({ ...counterpart, language: original }).salutation ?? '';
      salutation ??= texts.pick({ ...about, field: 'salutation' }, undefined, originalSalutation, original) || undefined;
    }
  }
  return { institution, lines, ...(salutation ? { salutation } : {}), derived };
}
