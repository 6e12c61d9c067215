import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addCalendarDays } from '../../../shared/domain/calendar.ts';
import { call } from '../../bridge.ts';
import { today } from '../../local-date.ts';


/**
 * The reminder shown when the vault is unlocked: letters whose reply is overdue, and those due within seven days,
 * with a way to the registry. Dismissed for the session; a new unlock shows it again.
 */
export function DueReminder({ onOpenRegistry }: { onOpenRegistry(): void }) {
  const { t } = useTranslation();
  const [counts, setCounts] = useState<{ overdue: number; dueSoon: number } | null>(null);
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => {
    const asOf = today();
    const soon = addCalendarDays(asOf, 7);
    void call('letters:list', { asOf }).then((result) => {
      if (!result.ok) return;
      const overdue = result.value.filter((entry) => entry.state === 'overdue').length;
      const dueSoon = result.value.filter((entry) => entry.state === 'waiting' && entry.letter.expectedReplyBy !== undefined && entry.letter.expectedReplyBy <= soon).length;
      setCounts({ overdue, dueSoon });
    });
  }, []);
  if (dismissed || !counts || counts.overdue + counts.dueSoon === 0) return null;
  return (
    <aside className="due-reminder" role="status" aria-label={t('reminder.label')}>
      <span>
        {[counts.overdue ? t('reminder.overdue', { count: counts.overdue }) : null, counts.dueSoon ? t('reminder.dueSoon', { count: counts.dueSoon }) : null].filter(Boolean).join(' · ')}
      </span>
      <button type="button" className="secondary small" onClick={onOpenRegistry}>
        {t('reminder.open')}
      </button>
      <button type="button" className="link-button" onClick={() => setDismissed(true)}>
        {t('common.close')}
      </button>
    </aside>
  );
}
