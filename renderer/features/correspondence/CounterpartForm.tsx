import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addresseeDefaults } from '../../../shared/domain/addressee.ts';
import { counterpartSchema, deliveryChannels, type Counterpart } from '../../../shared/domain/correspondence.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import { newId } from '../incidents/new-id.ts';

const blank = (): Counterpart => ({ id: newId('cp'), institution: '', position: '', name: '', language: 'ru', address: '', country: '', deliveryChannel: 'diplomatic', replyTerm: { days: 30, kind: 'calendar' } });

/**
 * A counterpart's card. The addressee block (dative) and the salutation are shown as derived from the name and
 * position while they are left empty; writing them keeps the staff's wording.
 */
export function CounterpartForm({ initial, onSaved, onCancel }: { initial?: Counterpart; onSaved(counterpart: Counterpart): void; onCancel(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<Counterpart>(initial ?? blank());
  const [problems, setProblems] = useState<string[]>([]);
  const { busy, error, run } = useAction();
  const set = (patch: Partial<Counterpart>) => setDraft({ ...draft, ...patch });
  const derived = draft.name.trim() && draft.position.trim() ? addresseeDefaults(draft) : null;

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const candidate = { ...draft, addresseeDative: draft.addresseeDative?.trim() || undefined, salutation: draft.salutation?.trim() || undefined };
    const parsed = counterpartSchema.safeParse(JSON.parse(JSON.stringify(candidate)));
    if (!parsed.success) return setProblems([...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))]);
    setProblems([]);
    const saved = await run(() => call('counterparts:save', parsed.data));
    if (saved) onSaved(saved);
  };

  const text = (field: 'institution' | 'position' | 'name' | 'country' | 'address', extra: Partial<React.InputHTMLAttributes<HTMLInputElement>> = {}) => (
    <span className={`field ${field === 'country' ? 'narrow' : 'grow'}`}>
      <label htmlFor={`${id}-${field}`}>{t(`counterpart.${field}`)}</label>
      <input id={`${id}-${field}`} type="text" value={draft[field]} aria-invalid={problems.includes(field)} onChange={(e) => set({ [field]: field === 'country' ? e.target.value.toUpperCase() : e.target.value })} {...extra} />
    </span>
  );

  return (
    <form className="panel counterpart-form" onSubmit={(e) => void save(e)} aria-labelledby={`${id}-heading`} noValidate>
      <h2 id={`${id}-heading`}>{initial ? initial.institution : t('counterpart.new')}</h2>
      <div className="form-grid">
        {text('institution')}
        {text('position')}
        {text('name')}
        {text('country', { maxLength: 2 })}
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
      {text('address')}
      <span className="field">
        <label htmlFor={`${id}-addressee`}>{t('counterpart.addressee')}</label>
        <textarea id={`${id}-addressee`} rows={3} value={draft.addresseeDative ?? ''} placeholder={derived?.addresseeDative} onChange={(e) => set({ addresseeDative: e.target.value })} />
      </span>
      <span className="field">
        <label htmlFor={`${id}-salutation`}>{t('counterpart.salutation')}</label>
        <input id={`${id}-salutation`} type="text" value={draft.salutation ?? ''} placeholder={derived?.salutation} onChange={(e) => set({ salutation: e.target.value })} />
      </span>
      {derived && !draft.addresseeDative && (
        <p className="hint" data-testid="derived-addressee">
          {t('counterpart.derived')} {derived.addresseeDative.replace('\n', ' / ')} — {derived.salutation}
        </p>
      )}
      {problems.length > 0 && (
        <p role="alert" className="alert">
          {t('form.fix', { fields: problems.map((p) => t(`counterpart.${p}`, { defaultValue: p })).join(', ') })}
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
