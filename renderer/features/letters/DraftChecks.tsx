import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Counterpart } from '../../../shared/domain/correspondence.ts';
import type { DraftRequest, LetterDraft } from '../../../shared/domain/letter-draft.ts';
import { instrumentCodes, type InstrumentCode } from '../../../shared/domain/ratification.ts';
import { genders } from '../../../shared/domain/records.ts';
import { missingTextKey, type MissingText } from '../../../shared/domain/translations.ts';
import { call } from '../../bridge.ts';
import { letterGender } from '../correspondence/counterpart-forms.ts';

/** What still stands between the draft and its registration: untranslated texts not kept, and an unknown gender. */
export function openChecks(draft: LetterDraft, counterpart: Counterpart | undefined): number {
  const kept = new Set(draft.request.keepOriginal ?? []);
  return draft.missing.filter((missing) => !kept.has(missingTextKey(missing))).length + (counterpart && !letterGender(counterpart) ? 1 : 0);
}

interface Props {
  draft: LetterDraft;
  counterpart: Counterpart | undefined;
  busy: boolean;
  /** Drafts again with the same request, changed by `patch` (the texts staff typed are then in the records). */
  onRedraft(patch: Partial<DraftRequest>): Promise<void>;
  onTranslate(missing: MissingText, text: string): Promise<void>;
  onGender(gender: 'male' | 'female'): Promise<void>;
}

/**
 * Above the preview, one panel of what to settle before registering: every text missing in the letter's language
 * (which record, which field, the original) with a box for its translation or a deliberate "keep the original";
 * the counterpart's gender when neither card nor name tells it; and the draft's warnings, with the deliberate
 * choice to cite a treaty the counterpart's state is not a party to.
 */
export function DraftChecks({ draft, counterpart, busy, onRedraft, onTranslate, onGender }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const language = draft.request.language;
  const kept = new Set(draft.request.keepOriginal ?? []);
  const askGender = counterpart && !letterGender(counterpart);
  const left = openChecks(draft, counterpart);
  const treatyChoice = draft.warnings.includes('instrument-not-party') || draft.warnings.includes('instrument-cited-non-party');
  if (draft.missing.length === 0 && !askGender && draft.warnings.length === 0) return null;

  const keep = (missing: MissingText, on: boolean) => {
    const key = missingTextKey(missing);
    return onRedraft({ keepOriginal: on ? [...kept, key] : [...kept].filter((k) => k !== key) });
  };

  return (
    <section className="panel draft-checks" {...(draft.missing.length > 0 || askGender ? { 'aria-labelledby': `${id}-heading` } : { 'aria-label': t('letters.warnings') })}>
      {(draft.missing.length > 0 || askGender) && (
        <>
          <h2 id={`${id}-heading`}>{t('missing.heading')}</h2>
          <p className="hint">{t('missing.intro', { language: t(`translations.in_${language}`) })}</p>
          <p className={left > 0 ? 'alert' : 'notice'} role="status">
            {t('missing.left', { count: left })}
          </p>
          <ul className="missing-list">
            {askGender && counterpart && (
              <li>
                <fieldset>
                  <legend>
                    {t('missing.entity_counterpart')}: {t('missing.f_counterpart_gender')} — {counterpart.institution}
                  </legend>
                  <p>{t('missing.genderQuestion', { name: counterpart.name })}</p>
                  <div className="actions">
                    {genders.map((gender) => (
                      <button key={gender} type="button" className="secondary" disabled={busy} onClick={() => void onGender(gender)}>
                        {t(`gender.${gender}`)}
                      </button>
                    ))}
                  </div>
                </fieldset>
              </li>
            )}
            {draft.missing.map((missing) => (
              <MissingRow key={missingTextKey(missing)} missing={missing} language={language} kept={kept.has(missingTextKey(missing))} busy={busy} onTranslate={onTranslate} onKeep={keep} />
            ))}
          </ul>
          <p className="hint">{t('missing.redraftNote')}</p>
        </>
      )}
      {draft.warnings.length > 0 && (
        <ul className="letter-warnings" aria-label={t('letters.warnings')}>
          {draft.warnings.map((warning) => (
            <li key={warning}>{t(`letters.warning_${warning}`)}</li>
          ))}
        </ul>
      )}
      {treatyChoice && counterpart && <CiteAnyway country={counterpart.country} chosen={draft.request.citeDespiteNonParty ?? []} busy={busy} onChange={(citeDespiteNonParty) => void onRedraft({ citeDespiteNonParty })} />}
    </section>
  );
}

export function MissingRow({ missing, language, kept, busy, onTranslate, onKeep }: { missing: MissingText; language: LetterDraft['request']['language']; kept: boolean; busy: boolean; onTranslate: Props['onTranslate']; onKeep(missing: MissingText, on: boolean): Promise<void> }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  // The choice shows at once; the redrafted letter confirms it (or, refused, puts the box back).
  const [choosing, setChoosing] = useState<boolean | null>(null);
  const choose = async (on: boolean) => {
    setChoosing(on);
    await onKeep(missing, on);
    setChoosing(null);
  };
  const fieldKey = missing.field.startsWith('signatory:') ? 'signatory' : missing.field;
  const fieldName = t(`missing.f_${missing.entity}_${fieldKey}`, { defaultValue: missing.field });
  return (
    <li className={kept ? 'kept' : ''}>
      <fieldset>
        <legend>
          {t(`missing.entity_${missing.entity}`)}: {fieldName}
          {missing.context ? ` — ${missing.context}` : ''}
        </legend>
        <p className="missing-original">
          <span className="hint">{t('missing.original', { language: t(`translations.in_${missing.originalLanguage}`) })}: </span>
          <span className="original-text" lang={missing.originalLanguage}>
            {missing.original}
          </span>
        </p>
        {!kept && (
          <span className="field">
            <label htmlFor={`${id}-text`}>{t('missing.translation', { into: t(`translations.into_${language}`) })}</label>
            <textarea id={`${id}-text`} lang={language} rows={Math.min(6, Math.max(1, Math.ceil(missing.original.length / 70)))} value={text} onChange={(e) => setText(e.target.value)} />
          </span>
        )}
        <div className="actions">
          {!kept && (
            <button type="button" className="primary small" disabled={busy || !text.trim()} onClick={() => void onTranslate(missing, text.trim())}>
              {t('missing.save')}
            </button>
          )}
          <label className="check-inline">
            <input type="checkbox" checked={choosing ?? kept} disabled={busy} aria-describedby={`${id}-keep`} onChange={(e) => void choose(e.target.checked)} />
            {t('missing.keep')}
          </label>
          <span id={`${id}-keep`} className="hint">
            {t('missing.keepHint')}
          </span>
        </div>
      </fieldset>
    </li>
  );
}

/** Treaties the counterpart's state is not a party to, each with the deliberate choice to cite it anyway (audited). */
function CiteAnyway({ country, chosen, busy, onChange }: { country: string; chosen: readonly InstrumentCode[]; busy: boolean; onChange(codes: InstrumentCode[]): void }) {
  const { t } = useTranslation();
  const [notParty, setNotParty] = useState<InstrumentCode[]>([]);
  useEffect(() => {
    void call('settings:ratifications', {}).then((result) => {
      if (!result.ok) return;
      const row = result.value.find((entry) => entry.country === country);
      setNotParty(instrumentCodes.filter((code) => !row || row.statuses[code] !== 'party'));
    });
  }, [country]);
  if (notParty.length === 0) return null;
  return (
    <fieldset className="cite-anyway">
      <legend>{t('missing.citeAnyway')}</legend>
      {notParty.map((code) => (
        <label key={code} className="check-inline">
          <input type="checkbox" checked={chosen.includes(code)} disabled={busy} onChange={(e) => onChange(e.target.checked ? [...chosen, code] : chosen.filter((c) => c !== code))} />
          {t(`ratification.instrument_${code}`)}
        </label>
      ))}
    </fieldset>
  );
}
