import { describe, expect, it } from 'vitest';
import { printable, printableJson, printableRow } from '../../electron/cli/printable.ts';
import { verifyLine } from '../../electron/cli/verify-line.ts';
import { closesReplyCycle, counterpartSchema, letterSchema } from '../../shared/domain/correspondence.ts';
import { countryCodes, countryCodeSchema } from '../../shared/domain/countries.ts';
import { dateBounds, isDateInRange } from '../../shared/domain/dates.ts';
import { holidayCalendarSchema } from '../../shared/domain/calendar.ts';
import { recordIdSchema } from '../../shared/domain/ids.ts';
import { numberingSchemeSchema } from '../../shared/domain/numbering.ts';
import { DEFAULT_OFFICE, officeSchema } from '../../shared/domain/office.ts';
import { savedSearchSchema } from '../../shared/domain/saved-search.ts';
import { termSchema } from '../../shared/domain/vocabulary.ts';
import { plural } from '../../shared/domain/plural.ts';
import { incidentSchema, personSchema, placeSchema } from '../../shared/domain/records.ts';

const today = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};
const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('ids are printable (shared/domain/ids.ts)', () => {
  it('accepts ids in any script with inner spaces', () => {
    for (const id of ['in-fotekh-2024-03', 'ps-раҳимов', '№ дела 5', 'a']) expect(recordIdSchema.safeParse(id).success, id).toBe(true);
  });

  it('refuses control characters (C0, DEL, C1), bidi and zero-width controls, lone surrogates, edge whitespace, and over 100 characters', () => {
    const refused = ['in-\u0000', 'in-\u001b[31m', 'in\u007f', 'in\u0085', 'in\u009b', 'in-\u202eevil', 'in\u2066x', 'in\u200bx', 'in\ufeffx', 'in\ud800', ' in', 'in ', 'in\u00a0', 'in\u2028x', 'in\tx', '', 'x'.repeat(101)];
    for (const id of refused) expect(recordIdSchema.safeParse(id).success, JSON.stringify(id)).toBe(false);
    // Every id field of the domain uses the one schema: ids and references alike.
    expect(incidentSchema.safeParse({ id: 'in-1', title: 'T', startDate: '2024-03-11', victimIds: ['ps-\u001b'] }).error?.issues[0]?.path).toEqual(['victimIds', 0]);
    expect(letterSchema.safeParse({ id: 'l1', direction: 'outgoing', number: '1', date: '2024-03-11', counterpartId: 'cp\u202e', subject: 'S' }).error?.issues[0]?.path).toEqual(['counterpartId']);
  });
});

describe('text fields', () => {
  it('keep tab and newline in multi-line text, refuse other control characters and lone surrogates; titles and names are one line', () => {
    const base = { id: 'in-1', title: 'T', startDate: '2024-03-11' };
    expect(incidentSchema.safeParse({ ...base, description: 'line one\n\tline two\r\n' }).success).toBe(true);
    expect(incidentSchema.safeParse({ ...base, description: 'bidi \u202b stays as text' }).success).toBe(true);
    for (const bad of ['esc \u001b[2J', 'c1 \u0085', 'del \u007f', 'half \udc00']) {
      expect(incidentSchema.safeParse({ ...base, description: bad }).error?.issues[0]?.path, JSON.stringify(bad)).toEqual(['description']);
    }
    for (const bad of ['two\nlines', 'tab\there', 'separator\u2028']) {
      expect(incidentSchema.safeParse({ ...base, title: bad }).error?.issues[0]?.path, JSON.stringify(bad)).toEqual(['title']);
      expect(placeSchema.safeParse({ id: 'pl', name: bad, country: 'TJ' }).error?.issues[0]?.path).toEqual(['name']);
    }
  });
});

describe('every free-text field of the domain follows the same rules', () => {
  it('settings, terms and saved searches refuse control characters; what becomes part of a number or a label is one line', () => {
    const labels = { tg: 'Шиканҷа', ru: 'Пытки', en: 'Torture' };
    expect(termSchema.safeParse({ code: 'torture', labels }).success).toBe(true);
    expect(termSchema.safeParse({ code: 'torture', labels: { ...labels, en: 'Tor\u001b[2Jture' } }).success).toBe(false);
    expect(numberingSchemeSchema.safeParse({ pattern: '{prefix}-{index}/{seq}', prefix: '01', index: '12' }).success).toBe(true);
    expect(numberingSchemeSchema.safeParse({ pattern: '{prefix}-{index}/{seq}', prefix: '01\n', index: '12' }).error?.issues[0]?.path).toEqual(['prefix']);
    expect(numberingSchemeSchema.safeParse({ pattern: '{seq}\u0085', prefix: '', index: '' }).error?.issues[0]?.path).toEqual(['pattern']);
    expect(officeSchema.safeParse(DEFAULT_OFFICE).success).toBe(true);
    expect(officeSchema.safeParse({ ...DEFAULT_OFFICE, address: { ...DEFAULT_OFFICE.address, ru: 'ул. Рудаки, 1\nДушанбе' } }).success).toBe(true);
    expect(officeSchema.safeParse({ ...DEFAULT_OFFICE, name: { ...DEFAULT_OFFICE.name, ru: 'Офис\u0000' } }).error?.issues[0]?.path).toEqual(['name', 'ru']);
    expect(savedSearchSchema.safeParse({ id: 's-1', name: 'Bell\u0007', query: {} }).error?.issues[0]?.path).toEqual(['name']);
    expect(holidayCalendarSchema.safeParse({ id: 'tj\u0000', name: 'Tajikistan', fixed: [], movable: [] }).error?.issues[0]?.path).toEqual(['id']);
  });
});

describe('dates (shared/domain/dates.ts)', () => {
  it('events from 1900-01-01 to a year ahead; birth dates not in the future; 29 February a year on is 28 February', () => {
    expect(dateBounds('event', '2025-06-10')).toEqual({ earliest: '1900-01-01', latest: '2026-06-10' });
    expect(dateBounds('event', '2024-02-29')).toEqual({ earliest: '1900-01-01', latest: '2025-02-28' });
    expect(dateBounds('birth', '2025-06-10')).toEqual({ earliest: '1900-01-01', latest: '2025-06-10' });
    expect(isDateInRange('event', '0000-01-01', '2025-06-10')).toBe(false);
    expect(isDateInRange('event', '9999-12-31', '2025-06-10')).toBe(false);
    expect(isDateInRange('event', '1899-12-31', '2025-06-10')).toBe(false);
    expect(isDateInRange('event', '1900-01-01', '2025-06-10')).toBe(true);
  });

  it('the schemas apply the bounds on the day they parse', () => {
    const base = { id: 'in-1', title: 'T', startDate: '2024-03-11' };
    const yearAhead = dateBounds('event').latest;
    expect(incidentSchema.safeParse({ ...base, startDate: yearAhead }).success).toBe(true);
    for (const date of ['0000-01-01', '9999-12-31', '1899-12-31', shift(yearAhead, 1)]) {
      expect(incidentSchema.safeParse({ ...base, startDate: date }).error?.issues[0]?.path, date).toEqual(['startDate']);
    }
    const person = { id: 'ps', kind: 'individual', name: 'N' };
    expect(personSchema.safeParse({ ...person, birthDate: today() }).success).toBe(true);
    expect(personSchema.safeParse({ ...person, birthDate: shift(today(), 1) }).error?.issues[0]?.path).toEqual(['birthDate']);
    expect(personSchema.safeParse({ ...person, birthDate: '1899-12-31' }).error?.issues[0]?.path).toEqual(['birthDate']);
    const letter = { id: 'l1', direction: 'outgoing', number: '1', counterpartId: 'cp', subject: 'S' };
    expect(letterSchema.safeParse({ ...letter, date: '9999-01-01' }).error?.issues[0]?.path).toEqual(['date']);
  });
});

describe('countries (ISO 3166-1 alpha-2)', () => {
  it('accepts the 249 assigned codes and nothing else', () => {
    expect(countryCodes).toHaveLength(249);
    expect(new Set(countryCodes).size).toBe(249);
    for (const code of countryCodes) expect(countryCodeSchema.safeParse(code).success).toBe(true);
    for (const code of ['XX', 'ZZ', 'XK', 'UK', 'EU', 'SU', 'tj', 'TJK', '']) expect(countryCodeSchema.safeParse(code).success, code).toBe(false);
    expect(counterpartSchema.safeParse({ id: 'cp', institution: 'I', position: 'P', name: 'N', country: 'XX' }).error?.issues[0]?.path).toEqual(['country']);
  });
});

describe('replies', () => {
  it('a letter cannot answer itself, and a loop of replies is found through any number of letters', () => {
    const letter = { id: 'l1', direction: 'incoming', number: '1', date: '2024-03-11', counterpartId: 'cp', subject: 'S', inReplyTo: 'l1' };
    expect(letterSchema.safeParse(letter).error?.issues[0]?.path).toEqual(['inReplyTo']);
    const links = new Map([
      ['b', 'c'],
      ['c', 'a'],
      ['x', 'y'],
      ['y', 'x'],
    ]);
    expect(closesReplyCycle('a', 'b', (id) => links.get(id))).toBe(true);
    expect(closesReplyCycle('d', 'b', (id) => links.get(id))).toBe(false);
    // A loop elsewhere does not hang the walk.
    expect(closesReplyCycle('d', 'x', (id) => links.get(id))).toBe(false);
    expect(closesReplyCycle('d', undefined, (id) => links.get(id))).toBe(false);
  });
});

describe('CLI output hygiene', () => {
  it('escapes control and bidi characters in what it prints; --json stays valid and equal', () => {
    expect(printable('in-\u001b[31mred\u202e\r\n\u0085\ud800')).toBe('in-\\u001b[31mred\\u202e\\u000d\\u000a\\u0085\\ud800');
    expect(printable('Боздошт — «Фотех»')).toBe('Боздошт — «Фотех»');
    expect(printableRow(['a\tb', 3, null])).toBe('a\\u0009b\t3\t');
    const value = { id: 'in-\u001b[31m', title: 'x\u202ey\u0085\u2028' };
    const json = printableJson(value);
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(json).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('counts in the right number', () => {
    expect(plural(1, 'problem')).toBe('1 problem');
    expect(plural(2, 'problem')).toBe('2 problems');
    expect(plural(0, 'row')).toBe('0 rows');
  });

  it('verify is one line for any set of checks', () => {
    const checks = [
      { name: 'integrity' as const, ok: true, detail: 'ok' },
      { name: 'cipher-integrity' as const, ok: true, detail: 'ok (12 pages)' },
      { name: 'audit-chain' as const, ok: true, detail: 'ok (2 rows)' },
      { name: 'schema-version' as const, ok: true, detail: 'schema 6 of 6' },
    ];
    expect(verifyLine({ ok: true, checks })).toBe('ok: integrity, cipher-integrity (12 pages), audit-chain (2 rows), schema 6 of 6');
    const failed = verifyLine({ ok: false, checks: [...checks.slice(0, 2), { name: 'audit-chain', ok: false, detail: 'row 7: hash mismatch' }, checks[3]!] });
    expect(failed).toBe('verify failed — audit-chain: row 7: hash mismatch');
    expect(failed).not.toContain('\n');
  });
});
