import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { genders, personSchema, type Person } from '../../../shared/domain/records.ts';
import { call } from '../../bridge.ts';
import { newId } from './new-id.ts';
import { TermChecklist } from './TermChecklist.tsx';
import type { Terms } from './useTerms.ts';

interface Props {
  /** A person to correct (the directory); a new one otherwise. */
  initial?: Person;
  heading?: string;
  submitLabel?: string;
  terms: Terms;
  onTermAdded(): Promise<void>;
  /** A new person to list as a victim, or an existing one chosen from the duplicate suggestions. */
  onAdd(person: Person, existing: boolean): void;
  onCancel(): void;
}

const blank = (): Person => ({ id: newId('ps'), kind: 'individual', name: '', characteristics: [], disclosure: 'withheld' });

/**
 * Adds a victim without leaving the incident: an individual or a group with a count. While a name is typed,
 * persons already in the store with the same name (any spelling) are offered instead of a duplicate.
 */
export function PersonForm({ initial, heading, submitLabel, terms, onTermAdded, onAdd, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [person, setPerson] = useState<Person>(() => initial ?? blank());
  const [problems, setProblems] = useState<string[]>([]);
  const [suggestions, setSuggestions] = useState<{ personId: string; name: string; reasons: string[] }[]>([]);
  const set = (patch: Partial<Person>) => setPerson({ ...person, ...patch } as Person);

  useEffect(() => {
    if (person.kind !== 'individual' || person.name.trim().length < 3) return setSuggestions([]);
    const timer = setTimeout(() => {
      void call('persons:suggestDuplicates', { id: person.id, name: person.name.trim(), ...(person.nameLatin ? { nameLatin: person.nameLatin } : {}), ...(person.birthDate ? { birthDate: person.birthDate } : {}) }).then(
        (result) => setSuggestions(result.ok ? result.value : []),
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [person.id, person.kind, person.name, person.nameLatin, person.birthDate]);

  const add = () => {
    const candidate = { ...person, ...(person.kind === 'individual' ? { count: undefined } : { gender: undefined }) };
    const parsed = personSchema.safeParse(JSON.parse(JSON.stringify(candidate)));
    if (!parsed.success) return setProblems([...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? 'name')))]);
    onAdd(parsed.data, false);
  };
  const useExisting = async (personId: string) => {
    const result = await call('persons:get', { id: personId });
    if (result.ok) onAdd(result.value, true);
  };

  return (
    <div className="person-form" role="group" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{heading ?? t('person.add')}</h3>
      <div className="form-grid">
        <span className="field">
          <label htmlFor={`${id}-kind`}>{t('person.kind')}</label>
          <select id={`${id}-kind`} value={person.kind} onChange={(e) => set({ kind: e.target.value as Person['kind'], count: e.target.value === 'group' ? (person.count ?? 2) : undefined })}>
            <option value="individual">{t('person.individual')}</option>
            <option value="group">{t('person.group')}</option>
          </select>
        </span>
        <span className="field grow">
          <label htmlFor={`${id}-name`}>{person.kind === 'group' ? t('person.groupName') : t('person.name')}</label>
          <input id={`${id}-name`} type="text" value={person.name} aria-invalid={problems.includes('name')} onChange={(e) => set({ name: e.target.value })} />
        </span>
        {person.kind === 'group' ? (
          <span className="field narrow">
            <label htmlFor={`${id}-count`}>{t('person.count')}</label>
            <input id={`${id}-count`} type="number" min={1} value={person.count ?? ''} aria-invalid={problems.includes('count')} onChange={(e) => set({ count: e.target.value ? Number(e.target.value) : undefined })} />
          </span>
        ) : (
          <>
            <span className="field">
              <label htmlFor={`${id}-latin`}>{t('person.nameLatin')}</label>
              <input id={`${id}-latin`} type="text" lang="en" value={person.nameLatin ?? ''} aria-describedby={`${id}-latin-hint`} onChange={(e) => set({ nameLatin: e.target.value || undefined })} />
              <span id={`${id}-latin-hint`} className="hint">
                {t('gender.latinHint')}
              </span>
            </span>
            <span className="field">
              <label htmlFor={`${id}-gender`}>{t('gender.label')}</label>
              <select id={`${id}-gender`} value={person.gender ?? ''} onChange={(e) => set({ gender: (e.target.value || undefined) as Person['gender'] })}>
                <option value="">{t('gender.unknown')}</option>
                {genders.map((gender) => (
                  <option key={gender} value={gender}>
                    {t(`gender.${gender}`)}
                  </option>
                ))}
              </select>
            </span>
            <span className="field">
              <label htmlFor={`${id}-birth`}>{t('person.birthDate')}</label>
              <input id={`${id}-birth`} type="date" value={person.birthDate ?? ''} onChange={(e) => set({ birthDate: e.target.value || undefined })} />
            </span>
          </>
        )}
        <span className="field">
          <label htmlFor={`${id}-disclosure`}>{t('person.disclosure')}</label>
          <select id={`${id}-disclosure`} value={person.disclosure} onChange={(e) => set({ disclosure: e.target.value as Person['disclosure'] })}>
            <option value="withheld">{t('person.withheld')}</option>
            <option value="consented">{t('person.consented')}</option>
          </select>
        </span>
      </div>
      <TermChecklist legend={t('person.characteristics')} kind="characteristic" terms={terms.characteristic} selected={person.characteristics} onChange={(characteristics) => set({ characteristics })} onTermAdded={onTermAdded} />
      {suggestions.length > 0 && !initial && (
        <div className="suggestions" role="status">
          <p>{t('person.maybeSame')}</p>
          <ul>
            {suggestions.map((s) => (
              <li key={s.personId}>
                <span>{s.name}</span> <span className="hint">{s.reasons.map((r) => t(`person.reason_${r}`)).join(', ')}</span>{' '}
                <button type="button" className="secondary small" onClick={() => void useExisting(s.personId)}>
                  {t('person.useExisting')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {problems.length > 0 && (
        <p role="alert" className="alert">
          {t('form.fix', { fields: problems.map((p) => t(`person.field_${p}`, { defaultValue: p })).join(', ') })}
        </p>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={add}>
          {submitLabel ?? t('person.addToIncident')}
        </button>
        <button type="button" className="link-button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
