import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { registerStates, type RegisterFilter } from './register-entry.ts';

/** Direction, state and period of the register; the period also bounds the ledger's figures. */
export function RegisterFilters({ filter, onChange }: { filter: RegisterFilter; onChange(next: RegisterFilter): void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="register-filters">
      <legend>{t('registry.filters')}</legend>
      <span className="field">
        <label htmlFor={`${id}-dir`}>{t('registry.direction')}</label>
        <select id={`${id}-dir`} value={filter.direction} onChange={(e) => onChange({ ...filter, direction: e.target.value as RegisterFilter['direction'] })}>
          <option value="">{t('registry.any')}</option>
          <option value="outgoing">{t('registry.outgoing')}</option>
          <option value="incoming">{t('registry.incoming')}</option>
        </select>
      </span>
      <span className="field">
        <label htmlFor={`${id}-state`}>{t('registry.state')}</label>
        <select id={`${id}-state`} value={filter.state} onChange={(e) => onChange({ ...filter, state: e.target.value as RegisterFilter['state'] })}>
          <option value="">{t('registry.any')}</option>
          {registerStates.map((state) => (
            <option key={state} value={state}>
              {t(`registry.state_${state}`)}
            </option>
          ))}
        </select>
      </span>
      <span className="field">
        <label htmlFor={`${id}-from`}>{t('registry.from')}</label>
        <input id={`${id}-from`} type="date" value={filter.from} onChange={(e) => onChange({ ...filter, from: e.target.value })} />
      </span>
      <span className="field">
        <label htmlFor={`${id}-to`}>{t('registry.to')}</label>
        <input id={`${id}-to`} type="date" value={filter.to} onChange={(e) => onChange({ ...filter, to: e.target.value })} />
      </span>
    </fieldset>
  );
}
