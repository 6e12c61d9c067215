import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { counterpartOriginal, counterpartSchema, deliveryChannels, type Counterpart } from '../../../shared/domain/correspondence.ts';
import { genders } from '../../../shared/domain/records.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import { newId } from '../incidents/new-id.ts';
import { OriginalLanguageSelect } from '../translations/OriginalLanguageSelect.tsx';
import { TranslatedText } from '../translations/TranslatedText.tsx';
import { withOriginalLanguage } from '../translations/translation-edit.ts';
import { AddresseeForms } from './AddresseeForms.tsx';
import { letterGender, storedForms, withForms, type Forms } from './counterpart-forms.ts';

const blank = (): Counterpart => ({ id: newId('cp'), institution: '', position: '', name: '', language: 'ru', originalLanguage: 'ru', address: '', country: '', deliveryChannel: 'diplomatic', replyTerm: { days: 30, kind: 'calendar' } });
const textFields = ['institution', 'position', 'name', 'address'] as const;
type TextField = (typeof textFields)[number];

/**
 * A counterpart's card: institution, position, name and address in the card's original language with their
 * translations; the gender (asked for when the name does not tell it); and the addressee block and salutation in
 * each language, derived from those texts until staff correct them.
 */
export function CounterpartForm({ initial, onSaved, onCancel }: { initial?: Counterpart; onSaved(counterpart: Counterpart): void; onCancel(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<Counterpart>(() => {
    const card = initial ?? blank();
    return { ...card, originalLanguage: counterpartOriginal(card) };
  });
  const [forms, setForms] = useState<Forms>(() => storedForms(initial ?? blank()));
  const [problems, setProblems] = useState<string[]>([]);
  const { busy, error, run } = useAction();
  const set = (patch: Partial<Counterpart>) => setDraft({ ...draft, ...patch });
  const original = counterpartOriginal(draft);
  const gender = letterGender(draft);
  const askGender = !gender && draft.name.trim() !== '';

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const candidate = withForms(draft, forms);
    const parsed = counterpartSchema.safeParse(JSON.parse(JSON.stringify(candidate)));
    if (!parsed.success) return setProblems([...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))]);
    setProblems([]);
    const saved = await run(() => call('counterparts:save', parsed.data));
    if (saved) onSaved(saved);
  };

  const text = (field: TextField, multiline = false) => (
    <TranslatedText
      className="grow"
      field={field}
      label={t(`counterpart.${field}`)}
      original={original}
      value={draft[field]}
      multiline={multiline}
      rows={2}
      invalid={problems.includes(field)}
      onValue={(value) => set({ [field]: value })}
      translations={draft.translations}
      onTranslations={(translations) => set({ translations })}
    />
  );

  return (
    <form className="panel counterpart-form" onSubmit={(e) => void save(e)} aria-labelledby={`${id}-heading`} noValidate>
      <h2 id={`${id}-heading`}>{initial ? initial.institution : t('counterpart.new')}</h2>
      <div className="form-grid">
        <OriginalLanguageSelect value={original} onChange={(language) => setDraft(withOriginalLanguage({ ...draft, originalLanguage: original }, textFields, language))} />
        <span className="field">
          <label htmlFor={`${id}-lang`}>{t('counterpart.language')}</label>
          <select id={`${id}-lang`} value={draft.language} onChange={(e) => set({ language: e.target.value as Counterpart['language'] })}>
            {(['ru', 'tg', 'en'] as const).map((language) => (
              <option key={language} value={language}>
                {t(`counterpart.lang_${language}`)}
              </option>
            ))}
          </select>
        </span>
        <span className="field narrow">
          <label htmlFor={`${id}-country`}>{t('counterpart.country')}</label>
          <input id={`${id}-country`} type="text" maxLength={2} value={draft.country} aria-invalid={problems.includes('country')} onChange={(e) => set({ country: e.target.value.toUpperCase() })} />
        </span>
      </div>
      {text('institution')}
      {text('position')}
      <div className="name-and-gender">
        {text('name')}
        <span className="field">
          <label htmlFor={`${id}-gender`}>{t('gender.label')}</label>
          <select id={`${id}-gender`} value={draft.gender ?? ''} aria-invalid={askGender} aria-describedby={`${id}-gender-note`} onChange={(e) => set({ gender: (e.target.value || undefined) as Counterpart['gender'] })}>
            <option value="">{t('gender.unknown')}</option>
            {genders.map((g) => (
              <option key={g} value={g}>
                {t(`gender.${g}`)}
              </option>
            ))}
          </select>
          <span id={`${id}-gender-note`} className={askGender ? 'alert gender-ask' : 'hint'}>
            {askGender ? t('gender.ask') : !draft.gender && gender ? t('gender.inferred', { gender: t(`gender.${gender}`) }) : ''}
          </span>
        </span>
      </div>
      {text('address', true)}
      <div className="form-grid">
        <span className="field">
          <label htmlFor={`${id}-channel`}>{t('counterpart.deliveryChannel')}</label>
          <select id={`${id}-channel`} value={draft.deliveryChannel} onChange={(e) => set({ deliveryChannel: e.target.value as Counterpart['deliveryChannel'] })}>
            {deliveryChannels.map((channel) => (
              <option key={channel} value={channel}>
                {t(`counterpart.channel_${channel}`)}
              </option>
            ))}
          </select>
        </span>
        <span className="field narrow">
          <label htmlFor={`${id}-days`}>{t('counterpart.replyDays')}</label>
          <input id={`${id}-days`} type="number" min={1} max={365} value={draft.replyTerm.days} onChange={(e) => set({ replyTerm: { ...draft.replyTerm, days: Number(e.target.value) } })} />
        </span>
        <span className="field">
          <label htmlFor={`${id}-kind`}>{t('counterpart.replyKind')}</label>
          <select id={`${id}-kind`} value={draft.replyTerm.kind} onChange={(e) => set({ replyTerm: { ...draft.replyTerm, kind: e.target.value as Counterpart['replyTerm']['kind'] } })}>
            <option value="calendar">{t('counterpart.kind_calendar')}</option>
            <option value="working">{t('counterpart.kind_working')}</option>
          </select>
        </span>
      </div>
      <AddresseeForms counterpart={draft} forms={forms} onForms={setForms} />
      {problems.length > 0 && (
        <p role="alert" className="alert">
          {t('form.fix', { fields: problems.map((p) => (p === 'translations' ? t('translations.toggle') : t(`counterpart.${p}`, { defaultValue: p }))).join(', ') })}
        </p>
      )}
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('common.save')}
        </button>
        <button type="button" className="link-button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
