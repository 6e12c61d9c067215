import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/vault.ts';
import { vocabularyKinds, type Term, type VocabularyKind } from '../../../shared/domain/vocabulary.ts';
import { call } from '../../bridge.ts';

export type Terms = Record<VocabularyKind, Term[]>;
const none: Terms = Object.fromEntries(vocabularyKinds.map((kind) => [kind, []])) as unknown as Terms;

/** Every vocabulary, loaded once per screen; `reload` after a term was added inline. */
export function useTerms() {
  const [terms, setTerms] = useState<Terms>(none);
  const reload = useCallback(async () => {
    const lists = await Promise.all(vocabularyKinds.map((kind) => call('vocabulary:list', { kind })));
    setTerms(Object.fromEntries(vocabularyKinds.map((kind, i) => [kind, lists[i]!.ok ? lists[i]!.value : []])) as unknown as Terms);
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { terms, reload };
}

/** A term's label in the window's language (its code when the term is unknown). */
export function useLabel() {
  const { i18n } = useTranslation();
  const language = (i18n.language as Language) ?? 'en';
  return useCallback((list: readonly Term[], code: string) => list.find((term) => term.code === code)?.labels[language] ?? code, [language]);
}
