import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Counterpart } from '../../../shared/domain/correspondence.ts';

/** Picks a counterpart by institution; with `allLabel`, an empty first choice stands for all of them. */
export function CounterpartSelect({ counterparts, value, onChange, allLabel }: { counterparts: readonly Counterpart[]; value: string; onChange(id: string): void; allLabel?: string }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <span className="field">
      <label htmlFor={id}>{t('registry.counterpart')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {counterparts.map((c) => (
          <option key={c.id} value={c.id}>
            {c.institution}
          </option>
        ))}
      </select>
    </span>
  );
}
