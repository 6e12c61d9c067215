import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { holidayCalendarSchema, type HolidayCalendar } from '../../../shared/domain/calendar.ts';
import { formatNumber, numberingSchemeSchema, type NumberingScheme } from '../../../shared/domain/numbering.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert, Notice } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';

const list = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

/** Names the field and the entries that are wrong («Переходящие праздники: 2025-02-30»), not a schema path. */
function calendarProblems(issues: readonly { path: PropertyKey[] }[], calendar: Pick<HolidayCalendar, 'fixed' | 'movable'>, t: TFunction): string {
  const wrong = { fixed: new Set<string>(), movable: new Set<string>() };
  for (const { path } of issues) {
    const [field, index] = path;
    if (field === 'fixed' || field === 'movable') wrong[field].add(typeof index === 'number' ? (calendar[field][index] ?? '') : '');
  }
  return (['fixed', 'movable'] as const)
    .filter((field) => wrong[field].size > 0)
    .map((field) => t(`registrySettings.bad_${field}`, { values: [...wrong[field]].filter(Boolean).join(', ') }))
    .join('; ');
}

/**
 * How registration numbers are built (with a preview of the first number of the year) and the holiday calendar
 * working-day deadlines are counted with; both checked with the schemas main uses.
 */
export function RegistrySettings() {
  const { t } = useTranslation();
  const id = useId();
  const [scheme, setScheme] = useState<NumberingScheme | null>(null);
  const [calendar, setCalendar] = useState<HolidayCalendar | null>(null);
  const [fixed, setFixed] = useState('');
  const [movable, setMovable] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();

  useEffect(() => {
    void call('registry:numbering', {}).then((result) => result.ok && setScheme(result.value));
    void call('registry:calendar', {}).then((result) => {
      if (!result.ok) return;
      setCalendar(result.value);
      setFixed(result.value.fixed.join(', '));
      setMovable(result.value.movable.join(', '));
    });
  }, []);
  if (!scheme || !calendar) return null;
  const valid = numberingSchemeSchema.safeParse(scheme);
  const preview = valid.success ? formatNumber(valid.data, new Date().getFullYear(), 1) : null;

  const saveNumbering = async (event: React.FormEvent) => {
    event.preventDefault();
    setNotice(null);
    if (!valid.success) return setError({ code: 'invalid-input', detail: t('registrySettings.bad_pattern') });
    if (await run(() => call('registry:setNumbering', scheme))) setNotice(t('registrySettings.numberingSaved'));
  };
  const saveCalendar = async (event: React.FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const next = { ...calendar, fixed: list(fixed), movable: list(movable) };
    const parsed = holidayCalendarSchema.safeParse(next);
    if (!parsed.success) return setError({ code: 'invalid-input', detail: calendarProblems(parsed.error.issues, next, t) });
    if (await run(() => call('registry:saveCalendar', parsed.data))) setNotice(t('registrySettings.calendarSaved'));
  };

  return (
    <div className="registry-settings">
      <form onSubmit={(e) => void saveNumbering(e)} noValidate aria-label={t('registrySettings.numbering')}>
        <h3>{t('registrySettings.numbering')}</h3>
        <div className="form-grid">
          {(['pattern', 'prefix', 'index'] as const).map((field) => (
            <span key={field} className="field">
              <label htmlFor={`${id}-${field}`}>{t(`registrySettings.${field}`)}</label>
              <input id={`${id}-${field}`} type="text" value={scheme[field]} aria-invalid={field === 'pattern' && !valid.success} onChange={(e) => setScheme({ ...scheme, [field]: e.target.value })} />
            </span>
          ))}
        </div>
        <p className="hint" data-testid="number-preview">
          {preview ? t('registrySettings.preview', { number: preview }) : t('registrySettings.patternHelp')}
        </p>
        <button type="submit" className="secondary" disabled={busy}>
          {t('settings.save')}
        </button>
      </form>
      <form onSubmit={(e) => void saveCalendar(e)} noValidate aria-label={t('registrySettings.calendar')}>
        <h3>{t('registrySettings.calendar')}</h3>
        <span className="field">
          <label htmlFor={`${id}-fixed`}>{t('registrySettings.fixed')}</label>
          <input id={`${id}-fixed`} type="text" value={fixed} onChange={(e) => setFixed(e.target.value)} />
        </span>
        <span className="field">
          <label htmlFor={`${id}-movable`}>{t('registrySettings.movable')}</label>
          <input id={`${id}-movable`} type="text" value={movable} onChange={(e) => setMovable(e.target.value)} />
        </span>
        <button type="submit" className="secondary" disabled={busy}>
          {t('settings.save')}
        </button>
      </form>
      <ErrorAlert error={error} context={error?.detail ? t('registrySettings.check', { fields: error.detail }) : undefined} />
      {notice && <Notice>{notice}</Notice>}
    </div>
  );
}
