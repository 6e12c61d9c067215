import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import { today } from '../../local-date.ts';
import { LetterFilesPanel } from './LetterFilesPanel.tsx';
import type { RegisterEntry } from './register-entry.ts';

/**
 * One letter: what it is, what it concerns, the letter it answers and the replies it got (each opens that letter),
 * and the two things that can still happen to a registered letter: a reply is linked, or it is annulled with a
 * reason (never deleted or edited — a correction is a new letter).
 */
export function LetterCard({ entry, entries, onOpen, onReply, onChanged, onClose }: { entry: RegisterEntry; entries: readonly RegisterEntry[]; onOpen(id: string): void; onReply(): void; onChanged(): void; onClose(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const { letter, state } = entry;
  const [titles, setTitles] = useState<Record<string, string>>({});
  const [annulling, setAnnulling] = useState(false);
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();
  const byId = new Map(entries.map((e) => [e.letter.id, e.letter]));
  const heading = useRef<HTMLHeadingElement>(null);

  // The card opens above the register: bring it into view and move the focus to it (keyboard and screen readers).
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'nearest' });
    heading.current?.focus();
  }, []);

  useEffect(() => {
    let current = true;
    void Promise.all(letter.incidentIds.slice(0, 50).map((incidentId) => call('incidents:get', { id: incidentId }))).then((results) => {
      if (!current) return;
      setTitles(Object.fromEntries(results.flatMap((result) => (result.ok ? [[result.value.incident.id, result.value.incident.title]] : []))));
    });
    return () => {
      current = false;
    };
  }, [letter.incidentIds]);

  const annul = async (event: React.FormEvent) => {
    event.preventDefault();
    if (await run(() => call('letters:annul', { id: letter.id, reason: reason.trim(), date: today() }))) {
      setAnnulling(false);
      onChanged();
    }
  };
  const linkTo = (target: string) => {
    const other = byId.get(target);
    return (
      <button type="button" className="link-button" onClick={() => onOpen(target)}>
        {other ? t('letterCard.ref', { number: other.number, date: other.date }) : target}
      </button>
    );
  };

  return (
    <section className="panel letter-card" aria-labelledby={`${id}-title`}>
      <div className="editor-head">
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>{t(`letterCard.title_${letter.direction}`, { number: letter.number, date: letter.date })}</h2>
        <button type="button" className="link-button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <dl className="facts">
        <dt>{t('registry.subject')}</dt>
        <dd>{letter.subject}</dd>
        <dt>{t('registry.state')}</dt>
        <dd>
          {t(`registry.state_${state}`)}
          {entry.daysWaiting !== null ? ` · ${t('registry.days', { count: entry.daysWaiting })}` : ''}
        </dd>
        {letter.expectedReplyBy && (
          <>
            <dt>{t('registry.expected')}</dt>
            <dd>{letter.expectedReplyBy}</dd>
          </>
        )}
        {letter.deliveryChannel && (
          <>
            <dt>{t('counterpart.deliveryChannel')}</dt>
            <dd>{t(`counterpart.channel_${letter.deliveryChannel}`)}</dd>
          </>
        )}
        {letter.response && (
          <>
            <dt>{t('registry.response')}</dt>
            <dd>{t(`registry.response_${letter.response}`)}</dd>
          </>
        )}
        {letter.inReplyTo && (
          <>
            <dt>{t('letterCard.inReplyTo')}</dt>
            <dd>{linkTo(letter.inReplyTo)}</dd>
          </>
        )}
        {entry.replies.length > 0 && (
          <>
            <dt>{t('letterCard.replies')}</dt>
            <dd>
              <ul className="plain-list">
                {entry.replies.map((reply) => (
                  <li key={reply}>{linkTo(reply)}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {letter.annulled && (
          <>
            <dt>{t('letterCard.annulled')}</dt>
            <dd>{t('letterCard.annulledOn', { date: letter.annulled.date, reason: letter.annulled.reason })}</dd>
          </>
        )}
      </dl>
      {letter.incidentIds.length > 0 && (
        <>
          <h3>{t('letterCard.incidents', { count: letter.incidentIds.length })}</h3>
          <ul className="plain-list">
            {letter.incidentIds.map((incidentId) => (
              <li key={incidentId}>{titles[incidentId] ?? incidentId}</li>
            ))}
          </ul>
        </>
      )}
      <LetterFilesPanel letterId={letter.id} canAttach={!letter.annulled} />
      {!letter.annulled && (
        <div className="actions">
          {letter.direction === 'outgoing' && (
            <button type="button" className="secondary" onClick={onReply}>
              {t('registry.linkReply')}
            </button>
          )}
          <button type="button" className="secondary" onClick={() => setAnnulling(true)} aria-expanded={annulling}>
            {t('letterCard.annul')}
          </button>
        </div>
      )}
      {annulling && (
        <form onSubmit={(e) => void annul(e)} aria-label={t('letterCard.annul')}>
          <p className="hint">{t('letterCard.annulHint')}</p>
          <span className="field">
            <label htmlFor={`${id}-reason`}>{t('letterCard.reason')}</label>
            <textarea id={`${id}-reason`} rows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
          </span>
          <div className="actions">
            <button type="submit" className="primary danger" disabled={busy || !reason.trim()}>
              {t('letterCard.confirmAnnul', { number: letter.number })}
            </button>
            <button type="button" className="link-button" onClick={() => setAnnulling(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      <ErrorAlert error={error} />
    </section>
  );
}
