import { useTranslation } from 'react-i18next';
import type { Letter } from '../../../shared/domain/correspondence.ts';
import type { RegisterEntry } from './register-entry.ts';

/** The register as a table; the number opens the letter's card, "register reply" starts linking a reply. */
export function RegisterTable({
  entries,
  total,
  selected,
  counterpartName,
  onOpen,
  onReply,
}: {
  entries: readonly RegisterEntry[];
  total: number;
  selected: string | null;
  /** Given when the register spans every counterpart, so each line says whose it is. */
  counterpartName: ((id: string) => string) | null;
  onOpen(id: string): void;
  onReply(letter: Letter): void;
}) {
  const { t } = useTranslation();
  return (
    <table className="directory-table register">
      <caption>{entries.length === total ? t('registry.caption', { count: total }) : t('registry.captionFiltered', { count: entries.length, total })}</caption>
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
          <tr key={entry.letter.id} className={`state-${entry.state}${entry.letter.id === selected ? ' selected' : ''}`}>
            <td>
              <button type="button" className="link-button" aria-label={t('registry.openLetter', { number: entry.letter.number })} onClick={() => onOpen(entry.letter.id)}>
                {entry.letter.number}
              </button>
            </td>
            <td>{entry.letter.date}</td>
            <td>{t(`registry.${entry.letter.direction}`)}</td>
            <td>
              {entry.letter.subject}
              {counterpartName && <span className="hint"> — {counterpartName(entry.letter.counterpartId)}</span>}
            </td>
            <td>
              {t(`registry.state_${entry.state}`)}
              {entry.daysWaiting !== null ? ` · ${t('registry.days', { count: entry.daysWaiting })}` : ''}
            </td>
            <td>{entry.letter.expectedReplyBy ?? ''}</td>
            <td>
              {entry.letter.direction === 'outgoing' && !entry.letter.annulled && (
                <button type="button" className="link-button" onClick={() => onReply(entry.letter)}>
                  {t('registry.linkReply')}
                  <span className="sr-only"> № {entry.letter.number}</span>
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
