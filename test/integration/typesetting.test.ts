import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../electron/documents/docx-writer.ts';
import { layoutPdf, renderPdf } from '../../electron/documents/pdf-writer.ts';
import { mmToPt, page } from '../../shared/document/layout.ts';
import type { Block, Doc } from '../../shared/document/model.ts';
import type { Language } from '../../shared/domain/vault.ts';
import { docxParts, pageCount, pdfText, readBytes, wordBoxes, writeTemp } from '../support/documents.ts';
import { pngImage } from '../support/images.ts';
import { libreOfficePdfsWithFonts } from '../support/libreoffice.ts';
import { pdfGeometry } from '../support/pdf-geometry.ts';
import { fixtureLetter } from '../support/letter-fixtures.ts';

/** Typesetting that holds on paper (issue 12): each rule checked on the PDF with poppler, on the DOCX's XML, and with LibreOffice. */
const docOf = (blocks: Block[], language: Language = 'ru'): Doc => ({ meta: { language, title: 'Проверка', number: null, date: null, classification: null }, blocks });
const body = (text: string, bold = false): Block => ({ kind: 'paragraph', style: 'body', runs: [{ text, bold }] });
const filler = (n: number) => Array.from({ length: n }, (_, i) => body(`Строка ${i + 1}.`));
const RIGHT_EDGE = mmToPt(page.widthMm - page.marginMm.right);
const LINE_TOLERANCE = 2;

/** Lines of a page: words grouped by their top, in order, each with its words and right edge. */
function lines(pdf: string, pageNumber: number): { y: number; words: string[]; right: number }[] {
  const out: { y: number; words: string[]; right: number }[] = [];
  for (const word of wordBoxes(pdf, pageNumber)) {
    const line = out.find((l) => Math.abs(l.y - word.yMin) < LINE_TOLERANCE);
    if (line) {
      line.words.push(word.word);
      line.right = Math.max(line.right, word.xMax);
    } else out.push({ y: word.yMin, words: [word.word], right: word.xMax });
  }
  return out.sort((a, b) => a.y - b.y);
}

const MIXED =
  'Граждане Республики Таджикистан удерживались на пункте пропуска без пищи и воды более суток, ';
const mixedRuns = [
  { text: MIXED },
  { text: 'что подтверждается показаниями свидетелей ', bold: true },
  { text: MIXED + MIXED },
  { text: 'и видеозаписями с камер наблюдения, ', bold: true },
  { text: `${MIXED}о чём сообщили родственники задержанных.` },
];

describe('justification', () => {
  it('ends every justified line that mixes bold and regular runs exactly at the right edge (pdftotext -bbox)', async () => {
    const pdf = writeTemp('mixed.pdf', await renderPdf(docOf([{ kind: 'paragraph', style: 'body', runs: mixedRuns }])));
    const found = lines(pdf, 1);
    expect(found.length).toBeGreaterThan(4);
    for (const line of found.slice(0, -1)) expect(Math.abs(line.right - RIGHT_EDGE), line.words.join(' ')).toBeLessThan(0.5);
    // …and the last line is not stretched.
    expect(RIGHT_EDGE - found.at(-1)!.right).toBeGreaterThan(20);
  });
});

describe('keep-together rules in the PDF', () => {
  const paragraph = 'Альфа бета гамма дельта эпсилон дзета эта тета йота каппа лямбда мю ню кси омикрон пи ро сигма тау ипсилон фи хи пси омега. '.repeat(3);

  it('leaves no widow and no orphan: a paragraph split across pages keeps two lines on each, wherever it falls', async () => {
    let splits = 0;
    for (let n = 34; n <= 44; n += 1) {
      const pdf = writeTemp(`widow-${n}.pdf`, await renderPdf(docOf([...filler(n), body(paragraph)])));
      if (pageCount(pdf) < 2) continue;
      const [first, second] = [lines(pdf, 1).filter((l) => !/^Строка/.test(l.words[0]!)).length, lines(pdf, 2).filter((l) => l.words[0] !== '2').length];
      if (first > 0 && second > 0) {
        splits += 1;
        expect(Math.min(first, second), `after ${n} lines: ${first} + ${second}`).toBeGreaterThanOrEqual(2);
      }
    }
    expect(splits).toBeGreaterThan(0);
  });

  it('keeps a heading with the first two lines of what follows', async () => {
    for (let n = 38; n <= 44; n += 1) {
      const pdf = writeTemp(`heading-${n}.pdf`, await renderPdf(docOf([...filler(n), { kind: 'heading', level: 2, text: 'Заголовок раздела' }, body(paragraph)])));
      const pages = pageCount(pdf);
      const headingPage = [1, 2].find((p) => pdfText(pdf, '-f', String(p), '-l', String(p)).includes('Заголовок раздела'))!;
      const after = lines(pdf, headingPage).findIndex((l) => l.words.includes('Заголовок'));
      expect(lines(pdf, headingPage).slice(after + 1).filter((l) => l.words.includes('Альфа') || l.words.some((w) => /^[а-я]/.test(w))).length, `after ${n} lines (${pages} pages)`).toBeGreaterThanOrEqual(2);
    }
  });

  it('never starts a page with the signature: at least two lines of text stand above it on its page', async () => {
    for (let n = 36; n <= 44; n += 1) {
      const doc = docOf([...filler(n), { kind: 'paragraph', style: 'closing', runs: [{ text: 'С уважением,' }] }, { kind: 'signature', position: ['Уполномоченный'], name: 'У.Ш. Салимзода' }]);
      const { bytes, pageOfBlock } = await layoutPdf(doc);
      const pdf = writeTemp(`signature-${n}.pdf`, bytes);
      const onPage = pageOfBlock.at(-1)!;
      const found = lines(pdf, onPage).filter((l) => !(onPage > 1 && l.words.length === 1 && l.words[0] === String(onPage)));
      const signatureLine = found.findIndex((l) => l.words.includes('Уполномоченный'));
      expect(signatureLine, `after ${n} lines`).toBeGreaterThanOrEqual(2);
    }
  });

  it('LibreOffice keeps them the same way from the DOCX (Word keep-with-next, widow control)', async () => {
    const cases = [40, 41, 42, 43].flatMap((n) => [
      { name: `sig-${n}`, doc: docOf([...filler(n), { kind: 'paragraph', style: 'closing', runs: [{ text: 'С уважением,' }] }, { kind: 'signature', position: ['Уполномоченный'], name: 'У.Ш. Салимзода' }]), needle: 'Салимзода' },
      { name: `head-${n}`, doc: docOf([...filler(n), { kind: 'heading', level: 2, text: 'Заголовок раздела' }, body(paragraph)]), needle: 'Заголовок' },
      { name: `widow-${n}`, doc: docOf([...filler(n - 3), body(paragraph), body('Конец.')]), needle: 'Конец' },
    ]);
    const ours = await Promise.all(cases.map(async (c) => writeTemp(`${c.name}.pdf`, await renderPdf(c.doc))));
    const docx = await Promise.all(cases.map(async (c) => writeTemp(`${c.name}.docx`, await renderDocx(c.doc, c.name))));
    const converted = libreOfficePdfsWithFonts(...docx);
    const pageWith = (pdf: string, needle: string) => [1, 2, 3].find((p) => pdfText(pdf, '-f', String(p), '-l', String(p)).includes(needle));
    cases.forEach((c, i) => {
      expect([pageCount(converted[i]!), pageWith(converted[i]!, c.needle)], c.name).toEqual([pageCount(ours[i]!), pageWith(ours[i]!, c.needle)]);
    });
  });
});

describe('the DOCX carries the rules in Word’s own properties', () => {
  it('declares its language, keeps headings and the closing with what follows, controls widows, never splits a row', async () => {
    for (const [language, tag] of [['ru', 'ru-RU'], ['tg', 'tg-Cyrl-TJ'], ['en', 'en-GB']] as const) {
      const parts = await docxParts(await renderDocx(fixtureLetter('appeal-annex', language), language));
      const styles = parts.get('word/styles.xml')!;
      expect(styles, language).toContain(`<w:lang w:val="${tag}"/>`);
      const xml = parts.get('word/document.xml')!;
      const paragraphs = xml.split('<w:p>').concat(xml.split('<w:p ')).filter((p) => p.includes('<w:pPr>'));
      const withStyle = (id: string) => paragraphs.filter((p) => p.includes(`<w:pStyle w:val="${id}"/>`));
      for (const id of ['Subject', 'Closing']) for (const p of withStyle(id)) expect(p, `${language} ${id}`).toContain('<w:keepNext/>');
      for (const p of withStyle('Body')) expect(p, language).toContain('<w:widowControl/>');
      expect(xml).toContain('<w:cantSplit/>');
      expect(xml).toContain('<w:pageBreakBefore/>');
      expect(xml).toContain('<w:softHyphen/>');
    }
  });

  it('keeps the emblem’s proportions in both writers (a 2 : 3 emblem stays 2 : 3)', async () => {
    const emblem = { mediaType: 'image/png' as const, base64: pngImage(60, 90, [160, 30, 30]).toString('base64'), widthMm: 12 };
    const doc = docOf([{ kind: 'letterhead', emblem, lines: ['Бланк'] }]);
    const xml = (await docxParts(await renderDocx(doc, 'emblem'))).get('word/document.xml')!;
    const [, cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(xml)!;
    expect(Number(cy) / Number(cx)).toBeCloseTo(1.5, 2);
    const image = pdfGeometry(await renderPdf(doc)).split('\n').find((line) => line.startsWith('image'))!.split('\t').slice(1, 5).map(Number);
    expect((image[3]! - image[1]!) / (image[2]! - image[0]!)).toBeCloseTo(1.5, 1);
  });
});

describe('tagged PDF', () => {
  it('tags headings as H1/H2 and lists as L > LI > Lbl + LBody (pdfinfo -struct-text)', async () => {
    const pdf = writeTemp('tagged.pdf', await renderPdf(fixtureLetter('appeal-annex', 'ru')));
    const tree = spawnSync('pdfinfo', ['-struct-text', pdf], { encoding: 'utf8' }).stdout;
    expect(tree).toMatch(/^ {2}H1 \(block\)\n {4}"О нарушениях/m);
    const headings = spawnSync('pdfinfo', ['-struct-text', writeTemp('headings.pdf', await renderPdf(docOf([{ kind: 'heading', level: 1, text: 'Раздел' }, { kind: 'heading', level: 2, text: 'Подраздел' }])))], { encoding: 'utf8' }).stdout;
    expect(headings).toBe('Document\n  H1 (block)\n    "Раздел"\n  H2 (block)\n    "Подраздел"\n');
    expect(tree).toMatch(/^ {2}L \(block\)\n {4}LI \(block\)\n {6}Lbl \(block\)\n {8}"1\) "\n {6}LBody \(block\)\n {8}"\S/m);
    expect(tree).toMatch(/^ {2}Table \(block\)\n {4}TR\n {6}TH\n {8}"№"/m);
  });
});

describe('URLs', () => {
  it('break only after a slash, never hyphenated', async () => {
    const url = 'https://ombudsman.tj/cases/2024/detention-of-migrant-workers-at-vnukovo/statements/relatives';
    const pdf = writeTemp('url.pdf', await renderPdf(docOf([body(`Источник сведений: видео и показания, опубликованные по адресу ${url} и в социальных сетях.`)])));
    const text = pdfText(pdf, '-layout').split('\n').map((line) => line.trim()).filter(Boolean);
    const start = text.findIndex((line) => line.includes('https://'));
    expect(text[start]!.endsWith('/'), text[start]).toBe(true);
    const joined = text.slice(start).join('').replace(/\s+/g, '');
    expect(joined).toContain(url);
  });
});

describe('what never breaks, and where the salutation stands', () => {
  const LEFT_EDGE = mmToPt(page.marginMm.left);
  /** Prefixes of growing length, so the number falls at every place of a line, its end included. */
  const numbers = Array.from({ length: 14 }, (_, n) => `${'Поступило письмо '.repeat(2)}${'ж'.repeat(n)} от 15.01.2025 № 01-12/7, тел. 221-70-90, в 2024-2025 годах, вх. № АБ-12/7.`);
  const cases = [
    ...numbers.map((text, n) => ({ name: `number-${n}`, doc: docOf([body(text)]) })),
    ...(['ru', 'tg', 'en'] as const).map((language) => ({ name: `annex-${language}`, doc: fixtureLetter('appeal-annex', language) })),
  ];
  type Writer = 'pdf' | 'libreoffice';
  // Rendered once for the tests below, and kept as bytes: tempDir's folders are removed after each test, so a path
  // kept from the first test would name a file that no longer exists by the second.
  let memo: Promise<{ name: string; writers: readonly (readonly [Writer, Buffer])[] }[]> | undefined;
  const renderedBytes = () => (memo ??= (async () => {
    const ours = await Promise.all(cases.map(async (c) => renderPdf(c.doc)));
    const converted = libreOfficePdfsWithFonts(...(await Promise.all(cases.map(async (c) => writeTemp(`${c.name}.docx`, await renderDocx(c.doc, c.name))))));
    return cases.map((c, i) => ({ name: c.name, writers: [['pdf', ours[i]!], ['libreoffice', readBytes(converted[i]!)]] as const }));
  })());
  /** The rendered PDFs written into the running test's temp folder, for poppler to read. */
  const rendered = async () =>
    (await renderedBytes()).map(({ name, writers }) => ({ name, writers: writers.map(([writer, bytes]) => [writer, writeTemp(`${name}-${writer}.pdf`, bytes)] as const) }));
  /** The lines of every page, as pdftotext lays them out, a no-break hyphen (LibreOffice's U+2011) read as a hyphen. */
  const textLines = (pdf: string) => pdfText(pdf, '-layout').replaceAll('\u2011', '-').split('\n').map((line) => line.trim()).filter(Boolean);

  it('a registration number, a date, a phone number and a span of years never break after their hyphen, in our PDF and in LibreOffice', async () => {
    for (const { name, writers } of (await rendered()).filter((c) => c.name.startsWith('number'))) {
      for (const [writer, pdf] of writers) {
        const text = textLines(pdf);
        for (const line of text) expect(line, `${name} ${writer}`).not.toMatch(/[\dА-Я]-$/);
        const joined = text.join(' ');
        for (const whole of ['15.01.2025', '01-12/7', '221-70-90', '2024-2025', 'АБ-12/7']) expect(joined, `${name} ${writer}`).toContain(whole);
      }
    }
  });

  it('the DOCX binds those hyphens with Word’s no-break hyphen', async () => {
    const xml = (await docxParts(await renderDocx(docOf([body(numbers[0]!)]), 'nbh'))).get('word/document.xml')!;
    expect(xml.match(/<w:noBreakHyphen\/>/g)?.length).toBe(5);
  });

  it('in the annex table a date wraps whole or at its spaces, and short words and numbers are not hyphenated', async () => {
    for (const { name, writers } of (await rendered()).filter((c) => c.name.startsWith('annex'))) {
      for (const [writer, pdf] of writers) {
        const words = pdfText(pdf).replaceAll('\u2011', '-').split(/\s+/);
        const label = `${name} ${writer}`;
        // Every year of the date column reads whole ("2 February / 2024", never "202 / 4"), no month is hyphenated.
        expect(words.filter((word) => /^(\d{2}\.\d{2}\.)?2024$/.test(word)).length, label).toBeGreaterThanOrEqual(7);
        expect(words.filter((word) => /^20\d?$/.test(word)), label).toEqual([]);
        expect(words.some((word) => /^(Febru|Au|Sep)-?$/.test(word)), label).toBe(false);
        // No single letter before a break, and no word of five letters broken ("wo-men").
        expect(words.filter((word) => /^\p{L}-$/u.test(word) || word === 'wo-'), label).toEqual([]);
      }
    }
  });

  it('opens an English letter flush left, a Russian or Tajik one centred, in our PDF and in LibreOffice', async () => {
    const letters = (['ru', 'tg', 'en'] as const).map((language) => ({ language, doc: fixtureLetter('appeal', language) }));
    const ours = await Promise.all(letters.map(async ({ language, doc }) => writeTemp(`salutation-${language}.pdf`, await renderPdf(doc))));
    const converted = libreOfficePdfsWithFonts(...(await Promise.all(letters.map(async ({ language, doc }) => writeTemp(`salutation-${language}.docx`, await renderDocx(doc, language))))));
    const first = { ru: 'Уважаемая', tg: 'Муҳтарама', en: 'Dear' } as const;
    letters.forEach(({ language }, i) => {
      for (const [writer, pdf] of [['pdf', ours[i]!], ['libreoffice', converted[i]!]] as const) {
        const word = wordBoxes(pdf, 1).find((box) => box.word === first[language])!;
        const label = `${language} ${writer}`;
        if (language === 'en') expect(Math.abs(word.xMin - LEFT_EDGE), label).toBeLessThan(1);
        else expect(word.xMin - LEFT_EDGE, label).toBeGreaterThan(100);
      }
    });
  });
});
