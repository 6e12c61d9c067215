import { describe, expect, it } from 'vitest';
import { incidentFacts, incidentSchema, personSchema } from '../../shared/domain/records.ts';
import { foldForSearch, searchTerms } from '../../shared/domain/search-text.ts';
import { builtInTerms, vocabularyKinds } from '../../shared/domain/vocabulary.ts';

describe('search folding', () => {
  it('maps Tajik letters to their plain forms, drops case and diacritics', () => {
    expect(foldForSearch('ҒӮҲҚӢҶ ғӯҳқӣҷ')).toBe('гухкич гухкич');
    expect(foldForSearch('Ёлка Йод')).toBe('елка иод');
    expect(foldForSearch('Migrant WORKERS')).toBe('migrant workers');
    expect(searchTerms('«Фотеҳ», 2024!')).toEqual(['фотех', '2024']);
  });
});

describe('records', () => {
  it('computes days held and people affected', () => {
    const victims = [{ kind: 'group' as const, count: 40 }, { kind: 'individual' as const }];
    expect(incidentFacts({ startDate: '2024-03-11', endDate: '2024-03-14', datePrecision: 'day' }, victims)).toEqual({ durationDays: 4, peopleAffected: 41 });
    expect(incidentFacts({ startDate: '2024-03-01', datePrecision: 'month' }, [])).toEqual({ durationDays: null, peopleAffected: 0 });
  });

  it('refuses impossible dates, an end before the start, a group without a count and unknown fields', () => {
    const base = { id: 'x', title: 'T', startDate: '2024-03-11' };
    expect(incidentSchema.safeParse({ ...base, startDate: '2024-02-30' }).success).toBe(false);
    expect(incidentSchema.safeParse({ ...base, endDate: '2024-03-10' }).error?.issues[0]?.path).toEqual(['endDate']);
    expect(incidentSchema.safeParse({ ...base, colour: 'red' }).success).toBe(false);
    expect(personSchema.safeParse({ id: 'g', kind: 'group', name: 'Group' }).error?.issues[0]?.path).toEqual(['count']);
    expect(incidentSchema.safeParse({ ...base, title: 'bell\u0007' }).success).toBe(false);
  });

  it('has every built-in code DOMAIN.md requires, labelled in three languages', () => {
    const codes = (kind: (typeof vocabularyKinds)[number]) => builtInTerms[kind].map((term) => term.code);
    expect(codes('violation-type')).toEqual([
      'arbitrary-detention', 'prolonged-border-detention', 'inhumane-detention-conditions', 'deprivation-of-food-water', 'ill-treatment', 'torture',
      'prohibited-methods-document-checks', 'expulsion-without-court-decision', 'public-display-of-detainees', 'denial-of-access', 'discrimination', 'extortion', 'other',
    ]);
    expect(codes('characteristic')).toEqual(['women', 'children', 'elderly', 'students', 'public-sector-employees', 'migrant-workers', 'persons-with-disabilities']);
    expect(codes('source-type')).toEqual(['social-media-video', 'tv-broadcast', 'media-report', 'complaint', 'witness-statement', 'official-statement', 'letter', 'other']);
    for (const kind of vocabularyKinds) for (const term of builtInTerms[kind]) for (const label of Object.values(term.labels)) expect(label.length).toBeGreaterThan(1);
  });
});
