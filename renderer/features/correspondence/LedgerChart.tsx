import { useTranslation } from 'react-i18next';

interface Props {
  timeline: { month: string; sent: number; answered: number }[];
}

/**
 * Sent and answered per month as paired bars (SVG, no chart library: two series and a dozen months). The same
 * figures are in the table next to it, so the chart is an image with a text alternative.
 */
export function LedgerChart({ timeline }: Props) {
  const { t } = useTranslation();
  if (!timeline.length) return null;
  const max = Math.max(1, ...timeline.map((m) => Math.max(m.sent, m.answered)));
  const slot = 44;
  const height = 140;
  const bar = (value: number) => (value / max) * (height - 30);
  return (
    // Focusable: a long timeline scrolls sideways, and keyboard users must be able to scroll it.
    <figure className="ledger-chart" tabIndex={0}>
      <svg role="img" aria-label={t('ledger.chartLabel', { months: timeline.length })} width={timeline.length * slot + 10} height={height + 20} viewBox={`0 0 ${timeline.length * slot + 10} ${height + 20}`}>
        {timeline.map((month, i) => (
          <g key={month.month} transform={`translate(${i * slot + 10}, 0)`}>
            <rect className="bar-sent" x={2} y={height - bar(month.sent)} width={16} height={bar(month.sent)} />
            <rect className="bar-answered" x={20} y={height - bar(month.answered)} width={16} height={bar(month.answered)} />
            <text x={18} y={height + 14} textAnchor="middle" className="chart-label">
              {month.month.slice(2).replace('-', '.')}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        <span className="legend sent">{t('ledger.sent')}</span> <span className="legend answered">{t('ledger.answered')}</span>
      </figcaption>
    </figure>
  );
}
