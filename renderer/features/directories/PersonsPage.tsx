import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../shared/domain/records.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert, Notice } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import { PersonForm } from '../incidents/PersonForm.tsx';
import { useTerms } from '../incidents/useTerms.ts';

type Entry = { person: Person; incidentCount: number };
type Suggestion = { personId: string; name: string; reasons: string[] };

/**
 * The person directory: find by name in any spelling, see how many incidents list each person, and merge a
 * likely duplicate into the person kept (every incident link moves; the merge is audited).
 */
export function PersonsPage() {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [entries, setEntries] = useState<Entry[]>([]);
  const [current, setCurrent] = useState<Person | null>(null);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const { terms, reload } = useTerms();
  const { error, run } = useAction();

  const load = useCallback(async (filter: string) => {
    const result = await call('persons:list', { text: filter, limit: 500 });
    if (result.ok) setEntries(result.value);
  }, []);
  useEffect(() => {
    const timer = setTimeout(() => void load(text), 200);
    return () => clearTimeout(timer);
  }, [text, load]);

  const show = async (person: Person, keepNotice = false) => {
    setCurrent(person);
    setEditing(false);
    if (!keepNotice) setNotice(null);
    const result = await call('persons:suggestDuplicates', { id: person.id, name: person.name, ...(person.nameLatin ? { nameLatin: person.nameLatin } : {}), ...(person.birthDate ? { birthDate: person.birthDate } : {}) });
    setSuggestions(result.ok ? result.value : []);
  };
  const merge = async (duplicate: Suggestion) => {
    if (!current) return;
    const merged = await run(() => call('persons:merge', { keepId: current.id, duplicateId: duplicate.personId }));
    if (!merged) return;
    setNotice(t('persons.merged', { name: duplicate.name, into: merged.name }));
    await load(text);
    await show(merged, true);
  };

  const save = async (person: Person) => {
    if (!(await run(() => call('persons:save', person)))) return;
    setNotice(t('persons.saved', { name: person.name }));
    await load(text);
    await show(person, true);
  };

  return (
    <div className="directory">
      <h1 id="section-heading">{t('nav.persons')}</h1>
      <span className="field">
        <label htmlFor={`${id}-filter`}>{t('persons.filter')}</label>
        <input id={`${id}-filter`} type="search" value={text} onChange={(e) => setText(e.target.value)} />
      </span>
      {notice && <Notice>{notice}</Notice>}
      <ErrorAlert error={error} />
      <div className="directory-body">
        <table className="directory-table">
          <caption>{t('persons.caption', { count: entries.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('person.name')}</th>
              <th scope="col">{t('person.nameLatin')}</th>
              <th scope="col">{t('person.kind')}</th>
              <th scope="col">{t('person.birthDate')}</th>
              <th scope="col">{t('persons.incidents')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map(({ person, incidentCount }) => (
              <tr key={person.id} className={current?.id === person.id ? 'selected' : ''}>
                <td>
                  <button type="button" className="link-button" onClick={() => void show(person)}>
                    {person.name}
                  </button>
                </td>
                <td>{person.nameLatin ?? ''}</td>
                <td>{person.kind === 'group' ? t('person.groupOf', { count: person.count ?? 1 }) : t('person.individual')}</td>
                <td>{person.birthDate ?? ''}</td>
                <td>{incidentCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {current && (
          <section className="panel person-card" aria-labelledby={`${id}-card`}>
            <h2 id={`${id}-card`}>{current.name}</h2>
            <p className="hint">{[current.nameLatin, current.gender && `${t('gender.label')}: ${t(`gender.${current.gender}`)}`, current.birthDate, current.citizenship, t(`person.${current.disclosure}`)].filter(Boolean).join(' · ')}</p>
            {editing ? (
              <PersonForm key={current.id} initial={current} heading={t('persons.edit')} submitLabel={t('common.save')} terms={terms} onTermAdded={reload} onAdd={(person) => void save(person)} onCancel={() => setEditing(false)} />
            ) : (
              <button type="button" className="secondary" onClick={() => setEditing(true)}>
                {t('persons.edit')}
              </button>
            )}
            <h3>{t('persons.duplicates')}</h3>
            {suggestions.length === 0 ? (
              <p>{t('persons.noDuplicates')}</p>
            ) : (
              <ul className="suggestions">
                {suggestions.map((s) => (
                  <li key={s.personId}>
                    {s.name} <span className="hint">{s.reasons.map((r) => t(`person.reason_${r}`)).join(', ')}</span>{' '}
                    <button type="button" className="secondary small" onClick={() => void merge(s)}>
                      {t('persons.mergeInto', { name: current.name })}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
      </div>
    </div>
  );
}
