import { useEffect, useId, useState } from 'react';
import type { IncidentHit } from '../../../shared/domain/search.ts';
import { call } from '../../bridge.ts';

interface Props {
  /** Incidents already chosen: not offered again. */
  chosen: ReadonlySet<string>;
  onAdd(hit: IncidentHit): void;
  /** The find field's label and each hit's button text, in the caller's words. */
  findLabel: string;
  addLabel(title: string): string;
}

/**
 * Finds incidents by words as the incident search does (a short pause after typing, the first eight hits) and offers
 * each one not yet chosen: the letters' incident picker and the dossier's selection both add incidents with it.
 */
export function IncidentFinder({ chosen, onAdd, findLabel, addLabel }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<IncidentHit[]>([]);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void call('incidents:search', { text: text.trim() || undefined, limit: 8 }).then((result) => current && result.ok && setHits(result.value));
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);

  return (
    <>
      <span className="field">
        <label htmlFor={`${id}-find`}>{findLabel}</label>
        <input id={`${id}-find`} type="search" value={text} onChange={(e) => setText(e.target.value)} />
      </span>
      <ul className="hits">
        {hits
          .filter((hit) => !chosen.has(hit.id))
          .map((hit) => (
            <li key={hit.id}>
              <button type="button" className="link-button" onClick={() => onAdd(hit)}>
                {addLabel(hit.title)}
              </button>
              <span className="hint"> {hit.startDate}</span>
            </li>
          ))}
      </ul>
    </>
  );
}
