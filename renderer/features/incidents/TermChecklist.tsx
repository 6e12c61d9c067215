import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Term, VocabularyKind } from '../../../shared/domain/vocabulary.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import { useLabel } from './useTerms.ts';

interface Props {
  legend: string;
  kind: VocabularyKind;
  terms: readonly Term[];
  selected: readonly string[];
  onChange(codes: string[]): void;
  /** After a term was added inline, so the lists reload. */
  onTermAdded(): Promise<void>;
}

/** A group of checkboxes over one vocabulary, with "add a term" right there (no trip to settings). */
export function TermChecklist({ legend, kind, terms, selected, onChange, onTermAdded }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const id = useId();
  const [adding, setAdding] = useState(false);
  const [labels, setLabels] = useState({ tg: '', ru: '', en: '' });
  const { busy, error, run } = useAction();
  const toggle = (code: string) => onChange(selected.includes(code) ? selected.filter((c) => c !== code) : [...selected, code]);

  const add = async () => {
    const base = labels.en || labels.ru || labels.tg;
    // A readable code from the English label, or a generated one for Cyrillic-only labels.
    const code = base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 48) || `term-${Date.now().toString(36)}`;
    const filled = { tg: labels.tg || base, ru: labels.ru || base, en: labels.en || base };
    const term = await run(() => call('vocabulary:add', { kind, code, labels: filled }));
    if (!term) return;
    await onTermAdded();
    onChange([...selected, term.code]);
    setAdding(false);
    setLabels({ tg: '', ru: '', en: '' });
  };

  return (
    <fieldset className="term-checklist">
      <legend>{legend}</legend>
      <div className="term-options">
        {terms.map((term) => (
          <label key={term.code} className="check-inline">
            <input type="checkbox" checked={selected.includes(term.code)} onChange={() => toggle(term.code)} />
            {label(terms, term.code)}
          </label>
        ))}
      </div>
      {adding ? (
        <div className="inline-add">
          {(['tg', 'ru', 'en'] as const).map((language) => (
            <span key={language} className="field">
              <label htmlFor={`${id}-${language}`}>{t(`terms.label_${language}`)}</label>
              <input id={`${id}-${language}`} type="text" value={labels[language]} onChange={(e) => setLabels({ ...labels, [language]: e.target.value })} />
            </span>
          ))}
          <button type="button" className="secondary" disabled={busy || !(labels.en || labels.ru || labels.tg).trim()} onClick={() => void add()}>
            {t('terms.add')}
          </button>
          <button type="button" className="link-button" onClick={() => setAdding(false)}>
            {t('common.cancel')}
          </button>
          <ErrorAlert error={error} />
        </div>
      ) : (
        <button type="button" className="link-button" onClick={() => setAdding(true)}>
          {t('terms.new')}
        </button>
      )}
    </fieldset>
  );
}
