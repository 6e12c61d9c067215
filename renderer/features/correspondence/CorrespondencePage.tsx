import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addresseeDefaults } from '../../../shared/domain/addressee.ts';
import type { Counterpart } from '../../../shared/domain/correspondence.ts';
import type { ChannelOutput } from '../../../shared/ipc/contract.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert, Notice } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import { newId } from '../incidents/new-id.ts';
import { CounterpartForm } from './CounterpartForm.tsx';
import { LedgerChart } from './LedgerChart.tsx';

type Entry = ChannelOutput<'letters:list'>[number];
type Ledger = ChannelOutput<'ledger:get'>;
const today = () => new Date().toISOString().slice(0, 10);

/**
 * The registry: the ledger per counterpart (what was asked, what came back, who is overdue), the register of
 * letters with their states, and registering an incoming reply linked to the letter it answers.
 */
export function CorrespondencePage() {
  const { t } = useTranslation();
  const id = useId();
  const [counterparts, setCounterparts] = useState<Counterpart[]>([]);
  const [counterpartId, setCounterpartId] = useState('');
  const [entries, setEntries] = useState<Entry[]>([]);
  const [ledger, setLedger] = useState<Ledger | null>(null);
  const [replyTo, setReplyTo] = useState<Entry | null>(null);
  const [reply, setReply] = useState({ number: '', date: today(), subject: '', response: 'token-response' });
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<Counterpart | 'new' | null>(null);
  const { busy, error, run } = useAction();

  const loadCounterparts = useCallback(async (select?: string) => {
    const result = await call('counterparts:list', {});
    if (!result.ok) return;
    setCounterparts(result.value);
    setCounterpartId((current) => select ?? (current || result.value[0]?.id || ''));
  }, []);
  useEffect(() => {
    void loadCounterparts();
  }, [loadCounterparts]);
  const current = counterparts.find((c) => c.id === counterpartId);
  const load = useCallback(async () => {
    if (!counterpartId) return;
    const [list, figures] = await Promise.all([call('letters:list', { counterpartId, asOf: today() }), call('ledger:get', { counterpartId, asOf: today() })]);
    if (list.ok) setEntries(list.value);
    if (figures.ok) setLedger(figures.value);
  }, [counterpartId]);
  useEffect(() => {
    void load();
  }, [load]);

  const registerReply = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!replyTo) return;
    const letter = await run(() =>
      call('letters:registerIncoming', { id: newId('in'), number: reply.number.trim(), date: reply.date, counterpartId, subject: reply.subject.trim() || t('registry.replySubject', { number: replyTo.letter.number }), inReplyTo: replyTo.letter.id, response: reply.response as never }),
    );
    if (!letter) return;
    setNotice(t('registry.replyRegistered', { number: letter.number, to: replyTo.letter.number }));
    setReplyTo(null);
    await load();
  };

  return (
    <div className="correspondence">
      <h1 id="section-heading">{t('nav.correspondence')}</h1>
      <span className="field">
        <label htmlFor={`${id}-cp`}>{t('registry.counterpart')}</label>
        <select id={`${id}-cp`} value={counterpartId} onChange={(e) => setCounterpartId(e.target.value)}>
          {counterparts.map((c) => (
            <option key={c.id} value={c.id}>
              {c.institution}
            </option>
          ))}
        </select>
      </span>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setEditing('new')}>
          {t('counterpart.new')}
        </button>
        {current && (
          <button type="button" className="secondary" onClick={() => setEditing(current)}>
            {t('counterpart.edit')}
          </button>
        )}
      </div>
      {current && (
        <p className="hint addressee-preview">
          {(current.addresseeDative ?? addresseeDefaults(current).addresseeDative).replace('\n', ' / ')} — {current.salutation ?? addresseeDefaults(current).salutation}
        </p>
      )}
      {editing && (
        <CounterpartForm
          key={editing === 'new' ? 'new' : editing.id}
          initial={editing === 'new' ? undefined : editing}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setNotice(t('counterpart.saved', { name: saved.institution }));
            void loadCounterparts(saved.id);
          }}
        />
      )}
      {counterparts.length === 0 && <p className="hint">{t('registry.noCounterparts')}</p>}
      {notice && <Notice>{notice}</Notice>}
      <ErrorAlert error={error} />
      {ledger && (
        <section className="panel ledger" aria-labelledby={`${id}-ledger`}>
          <h2 id={`${id}-ledger`}>{t('ledger.heading')}</h2>
          <dl className="ledger-figures">
            {(['sent', 'answered', 'unanswered', 'overdue'] as const).map((key) => (
              <div key={key} className={`figure ${key}`}>
                <dt>{t(`ledger.${key}`)}</dt>
                <dd data-figure={key}>{ledger[key]}</dd>
              </div>
            ))}
          </dl>
          {ledger.oldestUnanswered && (
            <p data-testid="oldest-unanswered">{t('ledger.oldest', { number: ledger.oldestUnanswered.number, date: ledger.oldestUnanswered.date, count: ledger.oldestUnanswered.daysWaiting })}</p>
          )}
          {ledger.medianDaysToReply !== null && <p>{t('ledger.median', { count: ledger.medianDaysToReply })}</p>}
          <LedgerChart timeline={ledger.timeline} />
        </section>
      )}
      <table className="directory-table register">
        <caption>{t('registry.caption', { count: entries.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('registry.number')}</th>
            <th scope="col">{t('registry.date')}</th>
            <th scope="col">{t('registry.direction')}</th>
            <th scope="col">{t('registry.subject')}</th>
            <th scope="col">{t('registry.state')}</th>
            <th scope="col">{t('registry.expected')}</th>
            <th scope="col">
              <span className="sr-only">{t('registry.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.letter.id} className={`state-${entry.state}`}>
              <td>{entry.letter.number}</td>
              <td>{entry.letter.date}</td>
              <td>{t(`registry.${entry.letter.direction}`)}</td>
              <td>{entry.letter.subject}</td>
              <td>
                {t(`registry.state_${entry.state}`)}
                {entry.daysWaiting !== null ? ` · ${t('registry.days', { count: entry.daysWaiting })}` : ''}
              </td>
              <td>{entry.letter.expectedReplyBy ?? ''}</td>
              <td>
                {entry.letter.direction === 'outgoing' && !entry.letter.annulled && (
                  <button type="button" className="link-button" onClick={() => setReplyTo(entry)}>
                    {t('registry.linkReply')}
                    <span className="sr-only"> № {entry.letter.number}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {replyTo && (
        <form className="panel inline-add" onSubmit={(e) => void registerReply(e)} aria-label={t('registry.linkReplyTo', { number: replyTo.letter.number })}>
          <h2>{t('registry.linkReplyTo', { number: replyTo.letter.number })}</h2>
          <span className="field">
            <label htmlFor={`${id}-num`}>{t('registry.theirNumber')}</label>
            <input id={`${id}-num`} type="text" value={reply.number} onChange={(e) => setReply({ ...reply, number: e.target.value })} />
          </span>
          <span className="field">
            <label htmlFor={`${id}-date`}>{t('registry.date')}</label>
            <input id={`${id}-date`} type="date" value={reply.date} onChange={(e) => setReply({ ...reply, date: e.target.value })} />
          </span>
          <span className="field">
            <label htmlFor={`${id}-resp`}>{t('registry.response')}</label>
            <select id={`${id}-resp`} value={reply.response} onChange={(e) => setReply({ ...reply, response: e.target.value })}>
              {(['no-response', 'request-for-information', 'token-response', 'pledged-action', 'action-taken', 'denial'] as const).map((code) => (
                <option key={code} value={code}>
                  {t(`registry.response_${code}`)}
                </option>
              ))}
            </select>
          </span>
          <button type="submit" className="primary" disabled={busy || !reply.number.trim()}>
            {t('registry.registerReply')}
          </button>
          <button type="button" className="link-button" onClick={() => setReplyTo(null)}>
            {t('common.cancel')}
          </button>
        </form>
      )}
    </div>
  );
}
