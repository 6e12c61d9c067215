/* eslint-disable @typescript-eslint/no-explicit-any -- IPC replies are plain JSON, checked by value in the assertions */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../electron/app.ts';
import { importInBatches } from '../../electron/services/interchange/batched-import.ts';
import { parseInterchange } from '../../electron/services/interchange/json-import.ts';
import { verifyAuditChain } from '../../electron/store/audit.ts';
import type { LetterDraft } from '../../shared/domain/letter-draft.ts';
import { SHIPPED_RATIFICATIONS } from '../../shared/domain/ratification.ts';
import { runsText } from '../../shared/document/model.ts';
import { cliVault, runCli } from '../support/cli.ts';
import { passphraseBytes } from '../support/passphrase.ts';
import { routerCall } from '../support/router-call.ts';
import { scriptedDialogs } from '../support/scripted-dialogs.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

/**
 * A FAST_KDF vault over the real app with the border-detention records (Fotekh, on the Kazakh border: prolonged
 * border detention and deprivation of food of 40 migrant workers, women and children among them; Moscow: ill-
 * treatment and denial of access), the Kazakh ombudsman and the office.
 */
async function app() {
  const instance = createApp({ dataDir: tempDir(), dialogs: scriptedDialogs(), actor: 'clerk', kdf: FAST_KDF });
  const call = routerCall(instance.router);
  await call('vault:create', { passphrase: passphraseBytes('correct horse battery') });
  const db = instance.session.store();
  for (const name of ['border-detention.json', 'kz-ombudsman-letters.json']) await importInBatches(db, parseInterchange(db, fixture(name)), 'tester');
  await call('office:save', JSON.parse(fixture('office.json')));
  const draft = async (request: Record<string, unknown>) => (await call('letters:draft', { kind: 'appeal', counterpartId: 'cp-kz-ombudsman', incidentIds: ['in-fotekh-2024-03'], ...request })) as LetterDraft;
  const audit = (action: string) => db.prepare('SELECT entity_id FROM audit_log WHERE action = ? ORDER BY seq').pluck().all(action) as string[];
  return { instance, call, db, draft, audit };
}

/** The body paragraphs of a draft, with non-breaking spaces read as spaces. */
const paragraphs = (draft: LetterDraft) => draft.doc.blocks.flatMap((block) => (block.kind === 'paragraph' ? [runsText(block.runs).replace(/\u00a0/g, ' ')] : []));

const ratified = {
  ru: 'Указанные действия затрагивают права, гарантированные Международным пактом о гражданских и политических правах (ст. 9, 10), Конвенцией против пыток и других жестоких, бесчеловечных или унижающих достоинство видов обращения и наказания (ст. 16) и Конвенцией о правах ребёнка (ст. 37).',
  tg: 'Амалҳои зикршуда ба ҳуқуқҳое дахл доранд, ки бо Паймони байналмилалӣ дар бораи ҳуқуқҳои шаҳрвандӣ ва сиёсӣ (моддаҳои 9, 10), Конвенсия бар зидди шиканҷа ва дигар намудҳои муомила ва ҷазои бераҳмона, ғайриинсонӣ ё таҳқиркунандаи шаъну шараф (моддаи 16) ва Конвенсия дар бораи ҳуқуқҳои кӯдак (моддаи 37) кафолат дода шудаанд.',
  en: 'These acts engage rights guaranteed by the International Covenant on Civil and Political Rights (arts. 9, 10), the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment (art. 16) and the Convention on the Rights of the Child (art. 37).',
} as const;
const reworded = {
  ru: 'Обращаю также внимание на гарантии, закреплённые в Международной конвенции о защите прав всех трудящихся-мигрантов и членов их семей (ст. 16), участником которой является Республика Таджикистан: эти гарантии отражают общепризнанные принципы и нормы международного права.',
  tg: 'Ҳамчунин диққати Шуморо ба кафолатҳое ҷалб менамоям, ки дар Конвенсияи байналмилалӣ оид ба ҳимояи ҳуқуқҳои ҳамаи муҳоҷирони меҳнатӣ ва аъзои оилаҳои онҳо (моддаи 16) муқаррар гардидаанд ва Ҷумҳурии Тоҷикистон иштирокчии он мебошад: ин кафолатҳо принсипҳо ва меъёрҳои умумиэътирофшудаи ҳуқуқи байналмилалиро инъикос менамоянд.',
  en: 'I would also draw your attention to the guarantees set out in the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families (art. 16), to which the Republic of Tajikistan is a party: these guarantees reflect generally recognised principles and norms of international law.',
} as const;
const icrmwName = { ru: 'Международной конвенцией о защите прав всех трудящихся-мигрантов', tg: 'Конвенсияи байналмилалӣ оид ба ҳимояи ҳуқуқҳои ҳамаи муҳоҷирони меҳнатӣ', en: 'Protection of the Rights of All Migrant Workers' } as const;

describe('treaties cited only where the counterpart’s state is a party', () => {
  it.each(['ru', 'tg', 'en'] as const)('%s: a letter to Kazakhstan (not an ICRMW party) cites the treaties it is bound by and rewords the migrant-workers convention, with a warning', async (language) => {
    const { instance, draft } = await app();
    const letter = await draft({ language });
    const text = paragraphs(letter);
    expect(text).toContain(ratified[language]);
    expect(text).toContain(reworded[language]);
    // Never cited as a right "guaranteed" to Kazakhstan's addressee.
    expect(text.find((line) => line.includes(icrmwName[language]) && line !== reworded[language])).toBeUndefined();
    expect(letter.warnings).toContain('instrument-not-party');
    expect(letter.warnings).not.toContain('instrument-cited-non-party');
    expect(letter.warnings).not.toContain('place-outside-counterpart-country'); // Fotekh is in Kazakhstan
    instance.dispose();
  });

  it('cites a non-ratified treaty only by staff’s explicit choice, which is audited under the draft’s id', async () => {
    const { instance, draft, audit, db } = await app();
    const chosen = await draft({ language: 'ru', citeDespiteNonParty: ['icrmw'] });
    const text = paragraphs(chosen);
    expect(text.find((line) => line.startsWith('Указанные действия затрагивают права'))).toContain('Международной конвенцией о защите прав всех трудящихся-мигрантов и членов их семей (ст. 16)');
    expect(text).not.toContain(reworded.ru);
    expect(chosen.warnings).toContain('instrument-cited-non-party');
    expect(chosen.warnings).not.toContain('instrument-not-party');
    expect(chosen.request.citeDespiteNonParty).toEqual(['icrmw']);
    expect(audit('letter.cite-non-party')).toEqual([chosen.id]);
    // Choosing a treaty the state is a party to, or one not engaged, is no deliberate exception: nothing audited.
    const plain = await draft({ language: 'ru', citeDespiteNonParty: ['iccpr', 'vccr'] });
    expect(plain.warnings).toContain('instrument-not-party');
    expect(plain.warnings).not.toContain('instrument-cited-non-party');
    expect(audit('letter.cite-non-party')).toEqual([chosen.id]);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true });
    instance.dispose();
  });

  it('warns when an incident took place in another country than the counterpart’s', async () => {
    const { instance, draft } = await app();
    const letter = await draft({ language: 'ru', incidentIds: ['in-fotekh-2024-03', 'in-moscow-2024-10'] });
    expect(letter.warnings).toContain('place-outside-counterpart-country');
    instance.dispose();
  });

  it('follows the office’s overrides in Settings: audited, reset to the shipped entry, bad input refused', async () => {
    const { instance, call, draft, audit, db } = await app();
    const rows = (await call('settings:ratifications')) as any[];
    expect(rows).toHaveLength(35);
    expect(rows.find((row) => row.country === 'KZ')).toMatchObject({ statuses: { icrmw: 'not-party' }, override: null });

    const corrected = (await call('settings:saveRatification', { country: 'KZ', statuses: { ...SHIPPED_RATIFICATIONS.KZ, icrmw: 'party' }, note: 'checked on treaties.un.org' })) as any[];
    expect(corrected.find((row) => row.country === 'KZ')).toMatchObject({ statuses: { icrmw: 'party' }, shipped: { icrmw: 'not-party' }, override: { note: 'checked on treaties.un.org' } });
    const bound = await draft({ language: 'en' });
    expect(bound.warnings).not.toContain('instrument-not-party');
    expect(paragraphs(bound).find((line) => line.startsWith('These acts engage'))).toContain('International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families (art. 16)');

    // A state the table does not ship can be added; the letter service reads it from the vault.
    await call('settings:saveRatification', { country: 'LT', statuses: SHIPPED_RATIFICATIONS.DE });
    expect(((await call('settings:ratifications')) as any[]).map((row) => row.country)).toContain('LT');

    const reset = (await call('settings:resetRatification', { country: 'KZ' })) as any[];
    expect(reset.find((row) => row.country === 'KZ')).toMatchObject({ statuses: { icrmw: 'not-party' }, override: null });
    expect((await draft({ language: 'en' })).warnings).toContain('instrument-not-party');
    expect(audit('ratification.update')).toEqual(['ratification-KZ', 'ratification-LT']);
    expect(audit('ratification.reset')).toEqual(['ratification-KZ']);

    await expect(call('settings:resetRatification', { country: 'KZ' })).rejects.toThrow('not-found');
    await expect(call('settings:saveRatification', { country: 'KZ', statuses: { ...SHIPPED_RATIFICATIONS.KZ, icrmw: 'perhaps' } })).rejects.toThrow('invalid-input');
    await expect(call('settings:saveRatification', { country: 'XX', statuses: SHIPPED_RATIFICATIONS.KZ })).rejects.toThrow('invalid-input');
    await expect(call('letters:draft', { kind: 'appeal', counterpartId: 'cp-kz-ombudsman', language: 'ru', incidentIds: ['in-fotekh-2024-03'], citeDespiteNonParty: ['icc'] })).rejects.toThrow('invalid-input');
    expect(verifyAuditChain(db)).toMatchObject({ ok: true });
    instance.dispose();
  });

  it('CLI: `letter draft` rewords by default and cites a non-party treaty only with --cite-non-party; an unknown code is refused', async () => {
    const asUser = { OMBUDS_PASSPHRASE: 'Хорог 2024 кӯҳ ва дарё' };
    const { store } = await cliVault(asUser.OMBUDS_PASSPHRASE);
    const cli = (...args: string[]) => runCli([...args.slice(0, 1), '--store', store, ...args.slice(1)], asUser);
    const file = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
    for (const name of ['border-detention.json', 'kz-ombudsman-letters.json']) expect(cli('import', file(name)).status).toBe(0);
    expect(cli('office', '--set', file('office.json')).status).toBe(0);
    const out = join(tempDir(), 'draft.json');
    const draft = (...extra: string[]) => cli('letter', 'draft', '--kind', 'appeal', '--counterpart', 'cp-kz-ombudsman', '--lang', 'ru', '--incidents', 'in-fotekh-2024-03', '--out', out, ...extra);

    const plain = draft();
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stderr).toContain('warning: instrument-not-party');
    expect(JSON.parse(readFileSync(out, 'utf8')).request.citeDespiteNonParty).toEqual([]);

    const chosen = draft('--cite-non-party', 'icrmw');
    expect(chosen.status, chosen.stderr).toBe(0);
    expect(chosen.stderr).toContain('warning: instrument-cited-non-party');
    expect(chosen.stderr).not.toContain('warning: instrument-not-party');
    expect(JSON.parse(readFileSync(out, 'utf8')).request.citeDespiteNonParty).toEqual(['icrmw']);

    const refused = draft('--cite-non-party', 'icrmw,migrants');
    expect(refused.status).toBe(64);
    expect(refused.stderr).toContain('citeDespiteNonParty');
  });
});
