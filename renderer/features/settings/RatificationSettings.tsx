import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { instrumentCodes, ratificationOverrideSchema, treatySources, treatyStatuses, type RatificationEntry, type RatificationRow } from '../../../shared/domain/ratification.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert, Notice } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';

/** «Казахстан (KZ)» in the window's language, from the browser's own country names; the code when it has none. */
function countryLabel(code: string, language: string): string {
  try {
    const name = new Intl.DisplayNames([language], { type: 'region' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

interface Editing {
  country: string;
  statuses: RatificationEntry;
  note: string;
}

/**
 * The treaty ratification table letters consult before citing a treaty (shared/domain/ratification.ts): each
 * state's status under the seven treaties, as shipped or as the office corrected it. A correction is a whole row
 * with a note saying where it was checked; "reset" puts the shipped row back. Both are audited by main.
 */
export function RatificationSettings() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [rows, setRows] = useState<RatificationRow[] | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [newCountry, setNewCountry] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();

  useEffect(() => {
    void call('settings:ratifications', {}).then((result) => result.ok && setRows(result.value));
  }, []);
  if (!rows) return null;
  // By the state's name in the window's language, as a clerk looks for it.
  const sorted = [...rows].sort((a, b) => countryLabel(a.country, i18n.language).localeCompare(countryLabel(b.country, i18n.language), i18n.language));

  const edit = (row: RatificationRow) => {
    setNotice(null);
    setEditing({ country: row.country, statuses: { ...row.statuses }, note: row.override?.note ?? '' });
  };
  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!editing) return;
    setNotice(null);
    const parsed = ratificationOverrideSchema.safeParse(editing);
    if (!parsed.success) return setError({ code: 'invalid-input', detail: parsed.error.issues.map((issue) => issue.path.join('.')).join(', ') });
    const saved = await run(() => call('settings:saveRatification', parsed.data));
    if (!saved) return;
    setRows(saved);
    setEditing(null);
    setNotice(t('ratification.saved', { country: countryLabel(parsed.data.country, i18n.language) }));
  };
  const reset = async (country: string) => {
    setNotice(null);
    const saved = await run(() => call('settings:resetRatification', { country }));
    if (!saved) return;
    setRows(saved);
    setEditing(null);
    setNotice(t('ratification.resetDone', { country: countryLabel(country, i18n.language) }));
  };
  const addState = (event: React.FormEvent) => {
    event.preventDefault();
    const country = newCountry.trim().toUpperCase();
    const known = rows.find((row) => row.country === country);
    edit(known ?? { country, statuses: Object.fromEntries(instrumentCodes.map((code) => [code, 'not-party'])) as RatificationEntry, shipped: null, override: null });
    setNewCountry('');
  };

  return (
    <div className="ratification-settings">
      <p className="hint">{t('ratification.intro')}</p>
      <div className="ratification-table">
        <table aria-label={t('ratification.heading')}>
          <thead>
            <tr>
              <th scope="col">{t('ratification.state')}</th>
              {instrumentCodes.map((code) => (
                <th key={code} scope="col" title={treatySources[code].title}>
                  {t(`ratification.instrument_${code}`)}
                </th>
              ))}
              <th scope="col">{t('ratification.source')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => (
              <tr key={row.country} data-testid={`ratification-${row.country}`}>
                <th scope="row">{countryLabel(row.country, i18n.language)}</th>
                {instrumentCodes.map((code) => (
                  <td key={code} className={`treaty-${row.statuses[code]}`}>
                    {t(`ratification.status_${row.statuses[code]}`)}
                  </td>
                ))}
                <td>{row.override ? t('ratification.overridden', { note: row.override.note || '—' }) : t('ratification.shipped')}</td>
                <td>
                  <button type="button" className="secondary" disabled={busy} onClick={() => edit(row)} aria-label={t('ratification.editState', { country: countryLabel(row.country, i18n.language) })}>
                    {t('ratification.edit')}
                  </button>
                  {row.override && (
                    <button type="button" className="secondary" disabled={busy} onClick={() => void reset(row.country)} aria-label={t(row.shipped ? 'ratification.resetState' : 'ratification.removeState', { country: countryLabel(row.country, i18n.language) })}>
                      {row.shipped ? t('ratification.reset') : t('ratification.remove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form onSubmit={addState} noValidate aria-label={t('ratification.addState')}>
        <span className="field">
          <label htmlFor={`${id}-country`}>{t('ratification.countryCode')}</label>
          <input id={`${id}-country`} type="text" maxLength={2} value={newCountry} onChange={(e) => setNewCountry(e.target.value)} />
        </span>
        <button type="submit" className="secondary" disabled={busy || newCountry.trim().length !== 2}>
          {t('ratification.addState')}
        </button>
      </form>
      {editing && (
        <form onSubmit={(e) => void save(e)} noValidate aria-label={t('ratification.editState', { country: countryLabel(editing.country, i18n.language) })}>
          <h3>{countryLabel(editing.country, i18n.language)}</h3>
          <div className="form-grid">
            {instrumentCodes.map((code) => (
              <span key={code} className="field">
                <label htmlFor={`${id}-${code}`}>{t(`ratification.instrument_${code}`)}</label>
                <select id={`${id}-${code}`} value={editing.statuses[code]} onChange={(e) => setEditing({ ...editing, statuses: { ...editing.statuses, [code]: e.target.value as RatificationEntry[typeof code] } })}>
                  {treatyStatuses.map((status) => (
                    <option key={status} value={status}>
                      {t(`ratification.status_${status}`)}
                    </option>
                  ))}
                </select>
              </span>
            ))}
          </div>
          <span className="field">
            <label htmlFor={`${id}-note`}>{t('ratification.note')}</label>
            <input id={`${id}-note`} type="text" value={editing.note} onChange={(e) => setEditing({ ...editing, note: e.target.value })} />
          </span>
          <button type="submit" disabled={busy}>
            {t('settings.save')}
          </button>
          <button type="button" className="secondary" onClick={() => setEditing(null)}>
            {t('ratification.cancel')}
          </button>
        </form>
      )}
      <details>
        <summary>{t('ratification.sources')}</summary>
        <ul>
          {instrumentCodes.map((code) => (
            <li key={code}>
              {treatySources[code].title} — UNTC {treatySources[code].untc}: {treatySources[code].url}
            </li>
          ))}
        </ul>
      </details>
      <ErrorAlert error={error} />
      {notice && <Notice>{notice}</Notice>}
    </div>
  );
}
