import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentHit, IncidentQuery } from '../../../shared/domain/search.ts';
import { call } from '../../bridge.ts';

export type ListQuery = Omit<IncidentQuery, 'limit' | 'offset'>;
type Sort = NonNullable<IncidentQuery['sort']>;

const PAGE = 200;
const ROW_HEIGHT = 38;

interface Props {
  query: ListQuery;
  selected: ReadonlySet<string>;
  onSelectedChange(next: Set<string>): void;
  onOpen(id: string): void;
  /** Bumped by the page after a save or import, so the list reloads. */
  version: number;
}

/**
 * The incident list: only the rows in view are in the DOM (100,000 incidents scroll smoothly), pages of 200 are
 * fetched from main as they come into view, sorting happens in the store. A listbox with multi-select:
 * click, Ctrl+click, Shift+click, arrows, Space, Enter to open, Ctrl+A for everything that matches.
 */
export function IncidentList({ query, selected, onSelectedChange, onOpen, version }: Props) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<{ by: Sort; direction: 'asc' | 'desc' } | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [pages, setPages] = useState<Map<number, IncidentHit[]>>(new Map());
  const [active, setActive] = useState(0);
  const anchor = useRef(0);
  const requested = useRef(new Set<number>());
  const scroller = useRef<HTMLDivElement>(null);
  const fullQuery = useCallback((extra: Partial<IncidentQuery>): IncidentQuery => ({ ...query, ...(sort ? { sort: sort.by, direction: sort.direction } : {}), ...extra }), [query, sort]);

  useEffect(() => {
    let current = true;
    requested.current = new Set();
    setPages(new Map());
    setActive(0);
    void call('incidents:count', fullQuery({})).then((result) => current && setTotal(result.ok ? result.value.total : 0));
    return () => {
      current = false;
    };
  }, [fullQuery, version]);

  const virtualizer = useVirtualizer({ count: total ?? 0, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();

  const hitAt = (index: number) => pages.get(Math.floor(index / PAGE))?.[index % PAGE];
  useEffect(() => {
    const wanted = new Set(items.map((item) => Math.floor(item.index / PAGE)));
    for (const page of wanted) {
      if (requested.current.has(page)) continue;
      requested.current.add(page);
      void call('incidents:search', fullQuery({ limit: PAGE, offset: page * PAGE })).then((result) => {
        if (result.ok) setPages((before) => new Map(before).set(page, result.value));
      });
    }
  }, [items, fullQuery]);

  const idsBetween = (from: number, to: number) => {
    const ids: string[] = [];
    for (let i = Math.min(from, to); i <= Math.max(from, to); i += 1) {
      const hit = hitAt(i);
      if (hit) ids.push(hit.id);
    }
    return ids;
  };

  const choose = (index: number, mode: { toggle: boolean; range: boolean }) => {
    const hit = hitAt(index);
    if (!hit) return;
    setActive(index);
    if (mode.range) {
      onSelectedChange(new Set([...(mode.toggle ? selected : []), ...idsBetween(anchor.current, index)]));
      return;
    }
    anchor.current = index;
    const next = new Set(mode.toggle ? selected : []);
    if (mode.toggle && next.has(hit.id)) next.delete(hit.id);
    else next.add(hit.id);
    onSelectedChange(next);
  };

  const selectAll = async () => {
    const result = await call('incidents:search', fullQuery({ limit: 100_000, offset: 0 }));
    if (result.ok) onSelectedChange(new Set(result.value.map((hit) => hit.id)));
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    const count = total ?? 0;
    if (!count) return;
    const move = (to: number) => {
      const index = Math.max(0, Math.min(count - 1, to));
      setActive(index);
      virtualizer.scrollToIndex(index);
      if (event.shiftKey) onSelectedChange(new Set(idsBetween(anchor.current, index)));
      event.preventDefault();
    };
    if (event.key === 'ArrowDown') move(active + 1);
    else if (event.key === 'ArrowUp') move(active - 1);
    else if (event.key === 'PageDown') move(active + 15);
    else if (event.key === 'PageUp') move(active - 15);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(count - 1);
    else if (event.key === ' ') {
      choose(active, { toggle: true, range: false });
      event.preventDefault();
    } else if (event.key === 'Enter') {
      const hit = hitAt(active);
      if (hit) onOpen(hit.id);
    } else if ((event.ctrlKey || event.metaKey) && event.code === 'KeyA') {
      void selectAll();
      event.preventDefault();
    }
  };

  const sortButton = (by: Sort) => {
    const on = sort?.by === by;
    const next = on && sort.direction === 'asc' ? 'desc' : 'asc';
    return (
      <button type="button" className={`sort ${on ? 'on' : ''}`} aria-pressed={on} onClick={() => setSort({ by, direction: next })}>
        {t(`incidents.col_${by}`)}
        {on ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
      </button>
    );
  };

  const activeHit = hitAt(active);
  return (
    <div className="incident-list">
      <div className="list-status">
        <span role="status">{total === null ? t('common.working') : t('incidents.found', { count: total })}</span>
        <span>{t('incidents.selectedCount', { count: selected.size })}</span>
        {selected.size > 0 && (
          <button type="button" className="link-button" onClick={() => onSelectedChange(new Set())}>
            {t('incidents.clearSelection')}
          </button>
        )}
      </div>
      <div className="list-header" aria-hidden="false">
        <span className="c-check" />
        <span className="c-date">{sortButton('startDate')}</span>
        <span className="c-title">{sortButton('title')}</span>
        <span className="c-place">{t('incidents.col_place')}</span>
        <span className="c-people">{t('incidents.col_people')}</span>
        <span className="c-status">{sortButton('status')}</span>
      </div>
      <div
        ref={scroller}
        className="list-scroller"
        role="listbox"
        aria-multiselectable="true"
        aria-label={t('incidents.listLabel')}
        tabIndex={0}
        aria-activedescendant={activeHit ? `incident-row-${active}` : undefined}
        onKeyDown={onKeyDown}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const hit = hitAt(item.index);
            const isSelected = hit ? selected.has(hit.id) : false;
            return (
              <div
                key={item.key}
                id={`incident-row-${item.index}`}
                role="option"
                aria-selected={isSelected}
                aria-setsize={total ?? 0}
                aria-posinset={item.index + 1}
                className={`list-row ${isSelected ? 'selected' : ''} ${item.index === active ? 'active' : ''}`}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                onClick={(event) => choose(item.index, { toggle: event.ctrlKey || event.metaKey, range: event.shiftKey })}
                onDoubleClick={() => hit && onOpen(hit.id)}
              >
                {hit ? (
                  <>
                    <span className="c-check" aria-hidden="true">
                      {isSelected ? '☑' : '☐'}
                    </span>
                    <span className="c-date">
                      {hit.startDate}
                      {hit.endDate && hit.endDate !== hit.startDate ? ` – ${hit.endDate}` : ''}
                    </span>
                    <span className="c-title">{hit.title}</span>
                    <span className="c-place">{hit.placeName ?? ''}</span>
                    <span className="c-people">{hit.peopleAffected || ''}</span>
                    <span className="c-status">{t(`status.${hit.status}`)}</span>
                  </>
                ) : (
                  <span className="loading-row">{t('common.working')}</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
