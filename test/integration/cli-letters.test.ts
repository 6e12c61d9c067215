import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { bodyWords, libreOfficePdfs, pageCount, pdfFonts, pdfText, qpdfCheck, renderPages, textIn, wordBoxes } from '../support/documents.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';
import { createVault } from '../../electron/store/vault.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const asUser = { OMBUDS_PASSPHRASE: 'Хорог 2024 кӯҳ ва дарё' };
const MM = 72 / 25.4;

describe('CLI: official letters from the registry', () => {
  it('drafts, edits, registers and exports a Russian follow-up and a Tajik appeal as PDF and DOCX a clerk can sign', async () => {
    const dir = tempDir();
    const store = join(dir, 'vault');
    const cli = (...args: string[]) => runCli([...args.slice(0, 1), '--store', store, ...args.slice(1)], asUser);
    // Made here with the cheapest Argon2id the envelope allows, so each of the many CLI calls below unlocks quickly.
    (await createVault(store, asUser.OMBUDS_PASSPHRASE, { actor: 'clerk', kdf: FAST_KDF })).vault.close();
    for (const file of ['border-detention.json', 'kz-ombudsman-letters.json']) expect(cli('import', fixture(file)).status).toBe(0);

    // Without a signatory in the office settings a letter cannot be drafted: the error says what to do.
    const noOffice = cli('letter', 'draft', '--kind', 'follow-up', '--counterpart', 'cp-kz-ombudsman', '--lang', 'ru', '--out', join(dir, 'x.json'));
    expect(noOffice.status).toBe(64);
    expect(noOffice.stderr).toContain('office settings lack what a letter needs');
    expect(cli('office', '--set', fixture('office.json')).status).toBe(0);

    // The follow-up: every unanswered letter by number and date with days waiting, and what is still unanswered.
    const followUp = join(dir, 'follow-up.json');
    // The imported counterpart has no addressee form of its own: one is derived, and the clerk is told to check it.
    const drafted = cli('letter', 'draft', '--kind', 'follow-up', '--counterpart', 'cp-kz-ombudsman', '--lang', 'ru', '--as-of', '2025-01-10', '--out', followUp);
    expect(drafted.status).toBe(0);
    expect(drafted.stderr).toContain('warning: addressee-derived');
    const draft = JSON.parse(readFileSync(followUp, 'utf8'));
    const text = JSON.stringify(draft.doc);
    expect(text).toContain('письмо от 15.01.2024 № 01-12/100 — без ответа 361 день');
    expect(text).toContain('письмо от 15.10.2024 № 01-12/109 — без ответа 87 дней');
    expect(text).not.toContain('№ 01-12/110 — без ответа'); // answered: cited with the reply and what it said instead
    expect(text).toContain('В Вашем письме от 29.11.2024 № 4/7-2291 (ответ на наше письмо от 15.11.2024 № 01-12/110) подтверждено получение обращения без ответа по существу.');
    expect(text).toContain('Уполномоченному по правам человека'); // the derived dative block
    expect(text).toContain('Ивановой Т.Н.');
    // The clerk edits the text before registering.
    const body = draft.doc.blocks.find((block: { kind: string; style?: string }) => block.kind === 'paragraph' && block.style === 'body');
    body.runs = [{ text: 'Выражаю Вам своё уважение и вновь обращаюсь к Вам по вопросам, поставленным в наших письмах, оставшихся без ответа.' }];
    writeFileSync(followUp, JSON.stringify(draft));

    const registered = cli('letter', 'register', '--draft', followUp, '--date', '2025-01-10');
    expect(registered.status).toBe(0);
    const number = registered.stdout.trim().split('\n').at(-1);
    expect(number).toBe('01-12/1');
    // The same draft again: the same number, no second letter.
    expect(cli('letter', 'register', '--draft', followUp, '--date', '2025-01-11').stdout.trim().split('\n').at(-1)).toBe('01-12/1');
    expect((JSON.parse(cli('letters', '--counterpart', 'cp-kz-ombudsman', '--as-of', '2025-01-10', '--json').stdout) as unknown[]).length).toBe(13);

    const pdf = join(dir, 'follow-up.pdf');
    const docx = join(dir, 'follow-up.docx');
    expect(cli('letter', 'export', '--number', '01-12/1', '--format', 'pdf', '--out', pdf).status).toBe(0);
    expect(cli('letter', 'export', '--number', '01-12/1', '--format', 'docx', '--out', docx).status).toBe(0);
    const words = pdfText(pdf).replace(/\s+/g, ' ');
    expect(words).toContain('10.01.2025 № 01-12/1');
    expect(words).toContain('вновь обращаюсь к Вам по вопросам, поставленным в наших письмах, оставшихся без ответа.');
    expect(words).toContain('Уважаемая Татьяна Николаевна!');
    expect(words).toContain('С уважением,');
    expect(words).toContain('Исп.: Д. Каримова');

    // The Tajik appeal about both incidents. The records were imported from format 1, so they are Russian originals:
    // the draft lists every text missing in Tajik (record, id, field — never the text), and registering is refused.
    const appeal = join(dir, 'appeal.json');
    const draftTg = (...keep: string[]) => cli('letter', 'draft', '--kind', 'appeal', '--counterpart', 'cp-kz-ombudsman', '--lang', 'tg', '--incidents', 'in-fotekh-2024-03,in-moscow-2024-10', ...keep.flatMap((key) => ['--keep-original', key]), '--out', appeal);
    const listed = draftTg();
    expect(listed.status).toBe(0);
    const missing = listed.stderr.split('\n').filter((line) => line.startsWith('missing: '));
    expect(missing).toContain('missing: office office executor (tg)');
    expect(missing).toContain('missing: counterpart cp-kz-ombudsman institution (tg)');
    expect(missing).toContain('missing: incident in-moscow-2024-10 title (tg)');
    expect(missing).toContain('missing: source in-moscow-2024-10/0 reference (tg)');
    expect(listed.stderr).not.toContain('Задержанные');
    const refused = cli('letter', 'register', '--draft', appeal, '--date', '2025-01-12');
    expect(refused.status).toBe(11);
    expect(refused.stderr).toContain("texts are missing in the letter's language");
    // The executor's name is typed in Tajik; the Tajik texts the records hold as "Russian" and the rest are kept as they are.
    expect(cli('translate', '--entity', 'office', '--id', 'office', '--field', 'executor', '--lang', 'tg', '--text', 'Д. Каримова')).toMatchObject({ status: 0, stdout: 'saved office executor (tg)\n' });
    const keys = missing.filter((line) => !line.includes(' executor ')).map((line) => line.replace(/^missing: (\S+) (\S+) (\S+) \(tg\)$/, '$1:$2:$3'));
    const kept = draftTg(...keys);
    expect(kept.stderr.split('\n').filter((line) => line.startsWith('missing: ')).every((line) => line.endsWith(', original kept'))).toBe(true);
    expect(cli('letter', 'register', '--draft', appeal, '--date', '2025-01-12').stdout.trim().split('\n').at(-1)).toBe('01-12/2');
    const tgPdf = join(dir, 'appeal.pdf');
    const tgDocx = join(dir, 'appeal.docx');
    expect(cli('letter', 'export', '--number', '01-12/2', '--out', tgPdf).status).toBe(0);
    expect(cli('letter', 'export', '--number', '01-12/2', '--out', tgDocx).status).toBe(0);
    const tajik = pdfText(tgPdf).replace(/\s+/g, ' ');
    for (const phrase of ['Ваколатдор оид ба ҳуқуқи инсон дар Ҷумҳурии Тоҷикистон', '12.01.2025 № 01-12/2', 'Дар бораи вайрон кардани ҳуқуқҳои шаҳрвандони Ҷумҳурии Тоҷикистон', 'Боздошти шаҳрвандон дар гузаргоҳи сарҳадии Фотех', 'Бо эҳтиром,', 'Иҷрокунанда: Д. Каримова']) {
      expect(tajik).toContain(phrase);
    }

    for (const [name, file, word] of [['follow-up-ru', pdf, 'уважением,'], ['appeal-tg', tgPdf, 'эҳтиром,']] as const) {
      renderPages(file, name);
      // Every font embedded (and subset); qpdf finds nothing wrong.
      const fonts = pdfFonts(file);
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.every((font) => font.embedded && font.subset && font.name.includes('PTSerif'))).toBe(true);
      expect(qpdfCheck(file).status).toBe(0);
      // Margins: no word left of 20 mm or right of 200 mm on any page (within 1 pt of glyph-box rounding).
      const pages = pageCount(file);
      for (let p = 1; p <= pages; p += 1) {
        const boxes = wordBoxes(file, p);
        expect(Math.min(...boxes.map((b) => b.xMin))).toBeGreaterThanOrEqual(20 * MM - 1);
        expect(Math.max(...boxes.map((b) => b.xMax))).toBeLessThanOrEqual(200 * MM + 1);
      }
      // No page number on page 1; «2» centred at the top of page 2; the executor at the bottom of the last page.
      expect(textIn(file, 1, { y: 0, h: 45 })).toBe('');
      if (pages > 1) expect(textIn(file, 2, { y: 0, h: 45 })).toBe('2');
      expect(textIn(file, pages, { y: 842 - 20 * MM - 40, h: 40 })).toMatch(/^(Исп\.|Иҷрокунанда)/);
      expect(pdfText(file)).toContain(word);
    }

    // LibreOffice opens our DOCX and prints the same words in the same order, on the same number of pages ±1.
    // Both in one soffice run: its start costs more than a conversion.
    const converted = libreOfficePdfs(docx, tgDocx);
    for (const [index, file] of [pdf, tgPdf].entries()) {
      expect(bodyWords(converted[index]!)).toEqual(bodyWords(file));
      expect(Math.abs(pageCount(converted[index]!) - pageCount(file))).toBeLessThanOrEqual(1);
    }

    // Bad input through the CLI.
    expect(cli('letter', 'export', '--number', '01-12/99', '--format', 'pdf', '--out', join(dir, 'no.pdf')).status).toBe(3);
    expect(cli('letter', 'draft', '--kind', 'appeal', '--counterpart', 'cp-kz-ombudsman', '--lang', 'ru', '--out', join(dir, 'none.json')).stderr).toContain('choose at least one incident');
    expect(cli('letter', 'draft', '--kind', 'thank-you', '--counterpart', 'cp-kz-ombudsman', '--out', join(dir, 'none.json')).status).toBe(64);
    const missingEmblem = cli('office', '--emblem', join(dir, 'no-such-emblem.png'));
    expect(missingEmblem.status).toBe(7);
    expect(missingEmblem.stderr).toContain('the emblem file cannot be read');
    writeFileSync(join(dir, 'fake.png'), '<svg onload=alert(1)>');
    expect(cli('office', '--emblem', join(dir, 'fake.png')).stderr).toContain('emblem: not a PNG or JPEG image');
    writeFileSync(join(dir, 'broken.json'), '{"format": "ombuds-dossier/letter-draft-1", "doc": 3}');
    expect(cli('letter', 'register', '--draft', join(dir, 'broken.json')).stderr).toContain('invalid input (draft:');
  });
});
