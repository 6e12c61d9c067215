import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierSection } from '../../../shared/domain/dossier.ts';
import { moveRow, type SectionRow } from './composition.ts';

interface Props {
  rows: readonly SectionRow[];
  onChange(rows: SectionRow[]): void;
}

/**
 * The sections: a checkbox each, in the dossier's order. Reordered by dragging a row, or from the keyboard with its
 * Move up / Move down buttons; after a keyboard move the focus follows the moved section's button (so pressing it
 * again keeps moving the same section) and a live region says where it now stands.
 */
export function SectionOrder({ rows, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [dragged, setDragged] = useState<number | null>(null);
  const [said, setSaid] = useState('');
  const focusNext = useRef<{ section: DossierSection; direction: 'up' | 'down' } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  useEffect(() => {
    const wanted = focusNext.current;
    if (!wanted) return;
    focusNext.current = null;
    // At the top or bottom the pressed button is disabled: focus its sibling instead.
    const button = buttons.current.get(`${wanted.section}:${wanted.direction}`);
    (button && !button.disabled ? button : buttons.current.get(`${wanted.section}:${wanted.direction === 'up' ? 'down' : 'up'}`))?.focus();
  }, [rows]);

  const name = (section: DossierSection) => t(`dossiers.section_${section}`);
  const move = (from: number, to: number, direction?: 'up' | 'down') => {
    const next = moveRow(rows, from, to);
    const row = rows[from]!;
    if (direction) focusNext.current = { section: row.section, direction };
    setSaid(t('dossiers.moved', { section: name(row.section), position: next.indexOf(next.find((r) => r.section === row.section)!) + 1, count: next.length }));
    onChange(next);
  };
  const toggle = (index: number, included: boolean) => onChange(rows.map((row, i) => (i === index ? { ...row, included } : row)));

  return (
    <fieldset className="dossier-sections">
      <legend>{t('dossiers.sections')}</legend>
      <p className="hint" id={`${id}-hint`}>
        {t('dossiers.sectionsHint')}
      </p>
      <ol aria-describedby={`${id}-hint`}>
        {rows.map((row, index) => (
          <li
            key={row.section}
            draggable
            className={`section-row ${dragged === index ? 'dragging' : ''} ${row.included ? '' : 'excluded'}`}
            data-section={row.section}
            onDragStart={(event) => {
              setDragged(index);
              event.dataTransfer.effectAllowed = 'move';
              event.dataTransfer.setData('text/plain', row.section);
            }}
            onDragOver={(event) => {
              if (dragged === null) return;
              event.preventDefault();
              event.dataTransfer.dropEffect = 'move';
            }}
            onDrop={(event) => {
              event.preventDefault();
              if (dragged !== null) move(dragged, index);
              setDragged(null);
            }}
            onDragEnd={() => setDragged(null)}
          >
            <span className="drag-handle" aria-hidden="true">
              ⠿
            </span>
            <label className="check-inline">
              <input type="checkbox" checked={row.included} onChange={(e) => toggle(index, e.target.checked)} />
              {name(row.section)}
            </label>
            <span className="move-buttons">
              <button
                type="button"
                className="secondary small"
                ref={(el) => void (el ? buttons.current.set(`${row.section}:up`, el) : buttons.current.delete(`${row.section}:up`))}
                disabled={index === 0}
                aria-label={t('dossiers.moveUp', { section: name(row.section) })}
                onClick={() => move(index, index - 1, 'up')}
              >
                ↑
              </button>
              <button
                type="button"
                className="secondary small"
                ref={(el) => void (el ? buttons.current.set(`${row.section}:down`, el) : buttons.current.delete(`${row.section}:down`))}
                disabled={index === rows.length - 1}
                aria-label={t('dossiers.moveDown', { section: name(row.section) })}
                onClick={() => move(index, index + 1, 'down')}
              >
                ↓
              </button>
            </span>
          </li>
        ))}
      </ol>
      <p className="sr-only" role="status" aria-live="polite">
        {said}
      </p>
    </fieldset>
  );
}
