import { describe, expect, it } from 'vitest';
import { SHIPPED_RATIFICATIONS } from '../../shared/domain/ratification.ts';
import { engagedInstruments, instrumentsEngaged, treatyStanding } from '../../shared/templates/letters/instruments.ts';

const detained = { violationCodes: ['arbitrary-detention'], victimGroups: [] };
const discrimination = { violationCodes: ['discrimination'], victimGroups: [] };

describe('which treaties the incidents engage', () => {
  it('engages CEDAW for women and the CRC for children only through the violations those treaties speak to', () => {
    expect(engagedInstruments([{ violationCodes: ['ill-treatment'], victimGroups: ['women', 'children'] }])).toEqual([
      { instrument: 'iccpr', articles: ['7'] },
      { instrument: 'cat', articles: ['16'] },
      { instrument: 'cedaw', articles: ['2'] },
      { instrument: 'crc', articles: ['37'] },
    ]);
    // Women held at a border: the detention engages no CEDAW article; children held do engage CRC art. 37.
    expect(engagedInstruments([{ violationCodes: ['prolonged-border-detention'], victimGroups: ['women'] }]).map((c) => c.instrument)).toEqual(['iccpr', 'icrmw']);
    expect(engagedInstruments([{ violationCodes: ['prolonged-border-detention'], victimGroups: ['children'] }]).map((c) => c.instrument)).toEqual(['iccpr', 'icrmw', 'crc']);
    // Groups count per incident: children in one incident do not make another's expulsion engage the CRC.
    expect(engagedInstruments([{ violationCodes: ['expulsion-without-court-decision'], victimGroups: [] }, { violationCodes: ['extortion'], victimGroups: ['children'] }]).map((c) => c.instrument)).toEqual(['iccpr', 'icrmw']);
  });
});

describe('the treaty sentences of a letter', () => {
  it('cites every engaged treaty to a state party to all of them (Tajikistan’s neighbour Kyrgyzstan) in one sentence', () => {
    expect(instrumentsEngaged([detained], treatyStanding('KG'), 'ru')).toEqual([
      'Указанные действия затрагивают права, гарантированные Международным пактом о гражданских и политических правах (ст. 9) и Международной конвенцией о защите прав всех трудящихся-мигрантов и членов их семей (ст. 16).',
    ]);
  });

  it('rewords the Covenant for Saudi Arabia (not a party), in the masculine, without “also” when nothing else is cited', () => {
    expect(instrumentsEngaged([{ violationCodes: ['public-display-of-detainees'], victimGroups: [] }], treatyStanding('SA'), 'ru')).toEqual([
      'Обращаю внимание на гарантии, закреплённые в Международном пакте о гражданских и политических правах (ст. 14, 17), участником которого является Республика Таджикистан: эти гарантии отражают общепризнанные принципы и нормы международного права.',
    ]);
    expect(instrumentsEngaged([{ violationCodes: ['public-display-of-detainees'], victimGroups: [] }], treatyStanding('SA'), 'tg')).toEqual([
      'Диққати Шуморо ба кафолатҳое ҷалб менамоям, ки дар Паймони байналмилалӣ дар бораи ҳуқуқҳои шаҳрвандӣ ва сиёсӣ (моддаҳои 14, 17) муқаррар гардидаанд ва Ҷумҳурии Тоҷикистон иштирокчии он мебошад: ин кафолатҳо принсипҳо ва меъёрҳои умумиэътирофшудаи ҳуқуқи байналмилалиро инъикос менамоянд.',
    ]);
    expect(instrumentsEngaged([{ violationCodes: ['public-display-of-detainees'], victimGroups: [] }], treatyStanding('SA'), 'en')).toEqual([
      'I would draw your attention to the guarantees set out in the International Covenant on Civil and Political Rights (arts. 14, 17), to which the Republic of Tajikistan is a party: these guarantees reflect generally recognised principles and norms of international law.',
    ]);
  });

  it('speaks of several non-party treaties in the plural (the UAE: neither the Covenant nor the ICRMW)', () => {
    const [sentence] = instrumentsEngaged([detained], treatyStanding('AE'), 'ru');
    expect(sentence).toBe(
      'Обращаю внимание на гарантии, закреплённые в Международном пакте о гражданских и политических правах (ст. 9) и Международной конвенции о защите прав всех трудящихся-мигрантов и членов их семей (ст. 16), участником которых является Республика Таджикистан: эти гарантии отражают общепризнанные принципы и нормы международного права.',
    );
    expect(instrumentsEngaged([detained], treatyStanding('AE'), 'tg')[0]).toContain('ва Ҷумҳурии Тоҷикистон иштирокчии онҳо мебошад:');
  });

  it('drops the claim about Tajikistan when the office’s table says Tajikistan is not a party either', () => {
    const overrides = [{ country: 'TJ', statuses: { ...SHIPPED_RATIFICATIONS.TJ!, icerd: 'not-party' as const }, note: '' }];
    const sentences = instrumentsEngaged([discrimination], treatyStanding('LT', overrides), 'en');
    expect(sentences).toEqual([
      'I would draw your attention to the guarantees set out in the International Covenant on Civil and Political Rights (art. 26) and the International Convention on the Elimination of All Forms of Racial Discrimination (art. 5): these guarantees reflect generally recognised principles and norms of international law.',
    ]);
  });

  it('cites a treaty the state is not a party to when staff chose it', () => {
    expect(instrumentsEngaged([detained], treatyStanding('RU', [], ['icrmw']), 'en')).toEqual([
      'These acts engage rights guaranteed by the International Covenant on Civil and Political Rights (art. 9) and the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families (art. 16).',
    ]);
  });
});
