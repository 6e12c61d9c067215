import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { responseCodes, type Letter } from '../../../shared/domain/correspondence.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import { today } from '../../local-date.ts';
import { newId } from '../incidents/new-id.ts';

/** Registers their reply under the number it carries, linked to our letter and coded by how it answered. */
export function ReplyForm({ to, onRegistered, onCancel }: { to: Letter; onRegistered(reply: Letter): void; onCancel(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [reply, setReply] = useState({ number: '', date: today(), subject: '', response: 'token-response' as Letter['response'] });
  const { busy, error, run } = useAction();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const letter = await run(() =>
      call('letters:registerIncoming', {
        id: newId('in'),
        number: reply.number.trim(),
        date: reply.date,
        counterpartId: to.counterpartId,
        subject: reply.subject.trim() || t('registry.replySubject', { number: to.number }),
        inReplyTo: to.id,
        response: reply.response,
      }),
    );
    if (letter) onRegistered(letter);
  };

  return (
    <form className="panel inline-add" onSubmit={(e) => void submit(e)} aria-label={t('registry.linkReplyTo', { number: to.number })}>
      <h2>{t('registry.linkReplyTo', { number: to.number })}</h2>
      <span className="field">
        <label htmlFor={`${id}-num`}>{t('registry.theirNumber')}</label>
        <input id={`${id}-num`} type="text" value={reply.number} onChange={(e) => setReply({ ...reply, number: e.target.value })} />
      </span>
      <span className="field">
        <label htmlFor={`${id}-date`}>{t('registry.date')}</label>
        <input id={`${id}-date`} type="date" value={reply.date} onChange={(e) => setReply({ ...reply, date: e.target.value })} />
      </span>
      <span className="field">
        <label htmlFor={`${id}-subject`}>{t('registry.subject')}</label>
        <input id={`${id}-subject`} type="text" placeholder={t('registry.replySubject', { number: to.number })} value={reply.subject} onChange={(e) => setReply({ ...reply, subject: e.target.value })} />
      </span>
      <span className="field">
        <label htmlFor={`${id}-resp`}>{t('registry.response')}</label>
        <select id={`${id}-resp`} value={reply.response} onChange={(e) => setReply({ ...reply, response: e.target.value as Letter['response'] })}>
          {responseCodes.map((code) => (
            <option key={code} value={code}>
              {t(`registry.response_${code}`)}
            </option>
          ))}
        </select>
      </span>
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || !reply.number.trim()}>
          {t('registry.registerReply')}
        </button>
        <button type="button" className="link-button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
