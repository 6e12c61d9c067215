import { describe, expect, it } from 'vitest';
import { coveredStates, instrumentCodes, ratificationOverrideSchema, ratificationRows, ratificationsOf, SHIPPED_RATIFICATIONS, treatySources, type InstrumentCode, type TreatyStatus } from '../../shared/domain/ratification.ts';

/**
 * Every treaty × every covered state, written out independently of the table's own shorthand: the parties are
 * every covered state except these (from the UN Treaty Collection status pages, chapter IV no. 2/4/8/9/11/13 and
 * chapter III no. 6; see shared/domain/ratification.ts).
 */
const expectedNotParty: Record<InstrumentCode, Record<string, TreatyStatus>> = {
  iccpr: { CN: 'signatory', SA: 'not-party', AE: 'not-party', OM: 'not-party' },
  cat: { IR: 'not-party' },
  icrmw: {
    RU: 'not-party', KZ: 'not-party', UZ: 'not-party', TM: 'not-party', BY: 'not-party', AM: 'signatory', MD: 'not-party', UA: 'not-party', GE: 'not-party',
    AE: 'not-party', SA: 'not-party', QA: 'not-party', KW: 'not-party', BH: 'not-party', OM: 'not-party',
    DE: 'not-party', FR: 'not-party', IT: 'not-party', ES: 'not-party', PL: 'not-party', NL: 'not-party', BE: 'not-party', AT: 'not-party', SE: 'not-party', CZ: 'not-party',
    GB: 'not-party', US: 'not-party', CN: 'not-party', KR: 'not-party', AF: 'not-party', IR: 'not-party',
  },
  icerd: {},
  cedaw: { US: 'signatory', IR: 'not-party' },
  crc: { US: 'signatory' },
  vccr: { AF: 'not-party' },
};

describe('the shipped ratification table', () => {
  it('covers the CIS and neighbours, Türkiye, the Gulf, the EU’s largest destinations and GB, US, CN, KR, AF, IR', () => {
    const required = ['TJ', 'RU', 'KZ', 'KG', 'UZ', 'TM', 'BY', 'AM', 'AZ', 'MD', 'UA', 'GE', 'TR', 'AE', 'SA', 'QA', 'KW', 'BH', 'OM', 'DE', 'FR', 'IT', 'ES', 'PL', 'NL', 'BE', 'AT', 'SE', 'CZ', 'GB', 'US', 'CN', 'KR', 'AF', 'IR'];
    expect([...coveredStates].sort()).toEqual([...required].sort());
    expect(Object.keys(SHIPPED_RATIFICATIONS).sort()).toEqual([...required].sort());
  });

  for (const instrument of instrumentCodes) {
    it(`gives the status of every covered state under ${instrument.toUpperCase()} (UNTC ${treatySources[instrument].untc})`, () => {
      for (const state of coveredStates) expect({ state, status: SHIPPED_RATIFICATIONS[state]![instrument] }).toEqual({ state, status: expectedNotParty[instrument][state] ?? 'party' });
    });
  }

  it('has Tajikistan, Kyrgyzstan, Azerbaijan and Türkiye as the only covered ICRMW parties; Russia, Kazakhstan, Uzbekistan and the Gulf are not', () => {
    expect(coveredStates.filter((state) => SHIPPED_RATIFICATIONS[state]!.icrmw === 'party').sort()).toEqual(['AZ', 'KG', 'TJ', 'TR']);
    for (const state of ['RU', 'KZ', 'UZ', 'AE', 'SA', 'QA', 'DE']) expect(SHIPPED_RATIFICATIONS[state]!.icrmw).not.toBe('party');
    expect(SHIPPED_RATIFICATIONS.TJ).toEqual(Object.fromEntries(instrumentCodes.map((code) => [code, 'party'])));
  });

  it('cites each treaty’s UN Treaty Collection page', () => {
    expect(treatySources.icrmw.url).toBe('https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=IV-13&chapter=4&clang=_en');
    expect(treatySources.vccr.untc).toBe('III-6');
    expect(Object.values(treatySources).map((source) => source.untc)).toEqual(['IV-4', 'IV-9', 'IV-13', 'IV-2', 'IV-8', 'IV-11', 'III-6']);
  });

  it('lets an override replace a state’s entry, and treats a state it does not know as party to nothing', () => {
    const override = ratificationOverrideSchema.parse({ country: 'KZ', statuses: { ...SHIPPED_RATIFICATIONS.KZ, icrmw: 'party' }, note: 'UNTC, checked 2027-01-10' });
    expect(ratificationsOf('KZ', [override]).icrmw).toBe('party');
    expect(ratificationsOf('KZ').icrmw).toBe('not-party');
    expect(Object.values(ratificationsOf('LT'))).toEqual(instrumentCodes.map(() => 'not-party'));
    const rows = ratificationRows([override, ratificationOverrideSchema.parse({ country: 'LT', statuses: SHIPPED_RATIFICATIONS.DE })]);
    expect(rows.find((row) => row.country === 'KZ')).toMatchObject({ statuses: { icrmw: 'party' }, shipped: { icrmw: 'not-party' }, override: { note: 'UNTC, checked 2027-01-10' } });
    expect(rows.find((row) => row.country === 'LT')).toMatchObject({ shipped: null, statuses: { iccpr: 'party' } });
    expect(ratificationOverrideSchema.safeParse({ country: 'KZ', statuses: { ...SHIPPED_RATIFICATIONS.KZ, icrmw: 'maybe' } }).success).toBe(false);
    expect(ratificationOverrideSchema.safeParse({ country: 'XX', statuses: SHIPPED_RATIFICATIONS.KZ }).success).toBe(false);
  });
});
