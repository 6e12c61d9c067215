import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/ipc/contract.ts';
import { LedgerChart } from './LedgerChart.tsx';

/** The ledger's figures for a counterpart and period, the oldest unanswered letter, and the monthly chart. */
export function LedgerPanel({ ledger, period }: { ledger: ChannelOutput<'ledger:get'>; period: { from: string; to: string } }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="panel ledger" aria-labelledby={`${id}-ledger`}>
      <h2 id={`${id}-ledger`}>{t('ledger.heading')}</h2>
      {(period.from || period.to) && <p className="hint">{t('ledger.period', { from: period.from || '…', to: period.to || '…' })}</p>}
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
      {ledger.timeline.length > 0 && <LedgerChart timeline={ledger.timeline} />}
    </section>
  );
}
