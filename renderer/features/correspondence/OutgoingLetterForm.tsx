import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deliveryChannels, type Counterpart, type Letter } from '../../../shared/domain/correspondence.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import { newId } from '../incidents/new-id.ts';
import { IncidentPicker, type PickedIncident } from './IncidentPicker.tsx';
import { today } from '../../local-date.ts';

/**
 * Registers an outgoing letter: the registry assigns the next number of its year and the reply deadline from the
 * counterpart's term; the incidents it raises become "raised". Our answer to one of their letters names it.
 */
export function OutgoingLetterForm({ counterpart, incoming, onRegistered, onCancel }: { counterpart: Counterpart; incoming: Letter[]; onRegistered(letter: Letter): void; onCancel(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [date, setDate] = useState(today());
  const [subject, setSubject] = useState('');
  const [channel, setChannel] = useState<Letter['deliveryChannel']>(counterpart.deliveryChannel);
  const [inReplyTo, setInReplyTo] = useState('');
  const [incidents, setIncidents] = useState<PickedIncident[]>([]);
  const { busy, error, run } = useAction();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const letter = await run(() =>
      call('letters:registerOutgoing', {
        id: newId('out'),
        date,
        counterpartId: counterpart.id,
        subject: subject.trim(),
        incidentIds: incidents.map((incident) => incident.id),
        deliveryChannel: channel,
        ...(inReplyTo ? { inReplyTo } : {}),
      }),
    );
    if (letter) onRegistered(letter);
  };

  return (
    <form className="panel letter-form" onSubmit={(e) => void submit(e)} aria-label={t('letterForm.heading', { to: counterpart.institution })}>
      <h2>{t('letterForm.heading', { to: counterpart.institution })}</h2>
      <p className="hint">{t('letterForm.numberHint')}</p>
      <div className="form-grid">
        <span className="field">
          <label htmlFor={`${id}-date`}>{t('registry.date')}</label>
          <input id={`${id}-date`} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        </span>
        <span className="field">
          <label htmlFor={`${id}-channel`}>{t('counterpart.deliveryChannel')}</label>
          <select id={`${id}-channel`} value={channel} onChange={(e) => setChannel(e.target.value as Letter['deliveryChannel'])}>
            {deliveryChannels.map((c) => (
              <option key={c} value={c}>
                {t(`counterpart.channel_${c}`)}
              </option>
            ))}
          </select>
        </span>
      </div>
      <span className="field">
        <label htmlFor={`${id}-subject`}>{t('registry.subject')}</label>
        <input id={`${id}-subject`} type="text" required maxLength={1000} value={subject} onChange={(e) => setSubject(e.target.value)} />
      </span>
      {incoming.length > 0 && (
        <span className="field">
          <label htmlFor={`${id}-reply`}>{t('letterForm.inReplyTo')}</label>
          <select id={`${id}-reply`} value={inReplyTo} onChange={(e) => setInReplyTo(e.target.value)}>
            <option value="">{t('letterForm.notAReply')}</option>
            {incoming.map((letter) => (
              <option key={letter.id} value={letter.id}>
                {t('letterForm.theirLetter', { number: letter.number, date: letter.date })}
              </option>
            ))}
          </select>
        </span>
      )}
      <IncidentPicker picked={incidents} onChange={setIncidents} />
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || !subject.trim() || !date}>
          {t('letterForm.register')}
        </button>
        <button type="button" className="link-button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
