import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { officeSchema, type Office } from '../../../shared/domain/office.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert, Notice } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';

const languages = ['ru', 'tg', 'en'] as const;
const emptyText = { ru: '', tg: '', en: '' };

/**
 * The office's letter settings: letterhead (name, address, emblem) in the three languages, the signatory as the
 * letters print them, and the executor. Checked with the schema main uses; the emblem is read and checked by main.
 */
export function OfficeSettings() {
  const { t } = useTranslation();
  const id = useId();
  const [office, setOffice] = useState<Office | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();

  useEffect(() => {
    void call('office:get', {}).then((result) => result.ok && setOffice(result.value));
  }, []);
  if (!office) return null;
  const signatory = office.signatories[0] ?? { id: 'signatory-1', position: { ...office.name }, name: { ...emptyText } };
  const setSignatory = (next: typeof signatory) => setOffice({ ...office, signatories: [next, ...office.signatories.slice(1)] });
  const executor = office.executor ?? { name: { ...emptyText }, phone: '' };

  const chooseEmblem = async () => {
    setNotice(null);
    const result = await call('office:chooseEmblem', {});
    if (!result.ok) return setError(result.error.code === 'invalid-input' ? { code: 'invalid-input', detail: t('office.badEmblem') } : result.error);
    setError(null);
    if (result.value) setOffice({ ...office, emblem: result.value });
  };
  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const next: Office = { ...office, signatories: signatory.name.ru || signatory.name.tg || signatory.name.en ? [signatory, ...office.signatories.slice(1)] : office.signatories.slice(1), executor: executor.name.ru || executor.name.tg || executor.name.en ? executor : null };
    const parsed = officeSchema.safeParse(next);
    if (!parsed.success) return setError({ code: 'invalid-input', detail: parsed.error.issues.map((issue) => issue.path.join('.')).join(', ') });
    if (await run(() => call('office:save', parsed.data))) setNotice(t('office.saved'));
  };

  const perLanguage = (label: string, value: Record<(typeof languages)[number], string>, onChange: (next: typeof value) => void, multiline = false) => (
    <fieldset>
      <legend>{label}</legend>
      {languages.map((lang) => (
        <span key={lang} className="field">
          <label htmlFor={`${id}-${label}-${lang}`}>{t(`office.lang_${lang}`)}</label>
          {multiline ? (
            <textarea id={`${id}-${label}-${lang}`} rows={2} value={value[lang]} onChange={(e) => onChange({ ...value, [lang]: e.target.value })} />
          ) : (
            <input id={`${id}-${label}-${lang}`} type="text" value={value[lang]} onChange={(e) => onChange({ ...value, [lang]: e.target.value })} />
          )}
        </span>
      ))}
    </fieldset>
  );

  return (
    <form className="office-settings" onSubmit={(e) => void save(e)} noValidate aria-label={t('office.heading')}>
      <p className="hint">{t('office.intro')}</p>
      {perLanguage(t('office.name'), office.name, (name) => setOffice({ ...office, name }))}
      {perLanguage(t('office.address'), office.address, (address) => setOffice({ ...office, address }), true)}
      <fieldset>
        <legend>{t('office.emblem')}</legend>
        {office.emblem ? <img className="emblem-preview" src={`data:${office.emblem.mediaType};base64,${office.emblem.base64}`} alt={t('office.emblem')} /> : <p className="hint">{t('office.noEmblem')}</p>}
        <div className="actions">
          <button type="button" className="secondary" disabled={busy} onClick={() => void chooseEmblem()}>
            {t('office.chooseEmblem')}
          </button>
          {office.emblem && (
            <button type="button" className="link-button" onClick={() => setOffice({ ...office, emblem: null })}>
              {t('office.removeEmblem')}
            </button>
          )}
        </div>
      </fieldset>
      {perLanguage(`${t('office.signatory')}: ${t('office.position')}`, signatory.position, (position) => setSignatory({ ...signatory, position }))}
      {perLanguage(`${t('office.signatory')}: ${t('office.signatureName')}`, signatory.name, (name) => setSignatory({ ...signatory, name }))}
      {perLanguage(t('office.executorName'), executor.name, (name) => setOffice({ ...office, executor: { ...executor, name } }))}
      <div className="form-grid">
        <span className="field">
          <label htmlFor={`${id}-phone`}>{t('office.executorPhone')}</label>
          <input id={`${id}-phone`} type="tel" value={executor.phone} onChange={(e) => setOffice({ ...office, executor: { ...executor, phone: e.target.value } })} />
        </span>
      </div>
      <ErrorAlert error={error} context={error?.code === 'invalid-input' && error.detail ? t('registrySettings.check', { fields: error.detail }) : undefined} />
      {notice && <Notice>{notice}</Notice>}
      <button type="submit" className="primary" disabled={busy}>
        {t('office.save')}
      </button>
    </form>
  );
}
