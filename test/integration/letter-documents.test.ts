import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../electron/documents/docx-writer.ts';
import { renderPdf } from '../../electron/documents/pdf-writer.ts';
import { docSchema, runsText } from '../../shared/document/model.ts';
import { buildLetter } from '../../shared/templates/letters/letter.ts';
import { stampRegistration } from '../../shared/templates/letters/stamp.ts';
import { docxParts, pageCount, pdfFonts, pdfText, qpdfCheck, renderPages, textIn, writeTemp } from '../support/documents.ts';
import { appeal, incident } from '../support/letter-inputs.ts';
import { pngImage } from '../support/images.ts';

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('letters as documents', () => {
  it('tells an incident with what the record has: no place, an estimated date, a period of a month', async () => {
    const doc = buildLetter(appeal([incident(1, { place: null, datePrecision: 'estimate', startDate: '2024-05-20' }), incident(2, { datePrecision: 'month', startDate: '2024-03-01' })]));
    expect(docSchema.safeParse(doc).success).toBe(true);
    const text = flat(pdfText(writeTemp('a.pdf', await renderPdf(doc))));
    expect(text).toContain('1. Ориентировочно 20.05.2024 — Задержание граждан на КПП «Фотех» № 1.');
    expect(text).toContain('2. В марте 2024 г., КПП «Фотех» (Республика Казахстан) — Задержание');
    expect(text).toContain('Пострадал 41 человек, в том числе женщины и дети. Среди пострадавших — гражданин Р.');
  });

  it('masks withheld identities unless the letter deliberately reveals them', () => {
    const masked = JSON.stringify(buildLetter(appeal([incident(1)])));
    expect(masked).toContain('гражданин Р.');
    expect(masked).not.toContain('Рахимов');
    const consented = JSON.stringify(buildLetter(appeal([incident(1, { victims: [{ kind: 'individual', name: 'Рахимов Алишер', count: 1, characteristics: [], withheld: false }] })])));
    expect(consented).toContain('Среди пострадавших — Рахимов Алишер.');
    expect(JSON.stringify(buildLetter(appeal([incident(1)], { revealWithheld: true })))).toContain('Рахимов Алишер');
  });

  it('puts 200 incidents in a numbered annex that paginates, with its header on every page, in bounded time and memory', async () => {
    const incidents = Array.from({ length: 200 }, (_, i) => incident(i + 1));
    const doc = buildLetter(appeal(incidents));
    const pdfPath = writeTemp('annex.pdf', await renderPdf(doc));
    const pages = pageCount(pdfPath);
    expect(pages).toBeGreaterThan(10);
    const text = flat(pdfText(pdfPath));
    expect(text).toContain('Поступила информация о 200 случаях нарушения прав граждан Республики Таджикистан; сведения о них приводятся в приложении к настоящему письму.');
    expect(text).toContain('Приложение: на __ л. в 1 экз.');
    expect(text).toContain('Приложение к письму от 15.01.2025 № 01-12/7');
    // The table's header row repeats on each page of the annex.
    expect(textIn(pdfPath, pages, { y: 50, h: 30 })).toMatch(/^№\s+Дата\s+Место\s+Что произошло\s+Пострадали/);
    expect(flat(pdfText(pdfPath, '-raw', '-f', String(pages), '-l', String(pages)))).toMatch(/(^| )200 \d{2}\.\d{2}\.2024 КПП «Фотех» Республика Ка-? ?зах-? ?стан Задержание/); // the narrow column may hyphenate
    renderPages(pdfPath, 'annex-200');
    const docx = await renderDocx(doc, 'annex');
    const xml = (await docxParts(docx)).get('word/document.xml')!;
    expect(xml.match(/<w:tr[ >]/g)?.length).toBe(201 + 1); // 200 rows + header + the signature table's row
    expect(xml).toContain('<w:tblHeader/>');
  });

  it('shows script, markup, right-to-left text and emoji as text (or «?»), and never breaks the writers', async () => {
    const hostile = incident(1, { title: '<script>alert(1)</script> & <b>жирный</b>', description: 'Свидетель: «مرحبا» — שלום 👍🏽 👨‍👩‍👧 \u202Eevil\u202C конец.' });
    const doc = buildLetter(appeal([hostile]));
    const pdfPath = writeTemp('hostile.pdf', await renderPdf(doc));
    const text = flat(pdfText(pdfPath));
    expect(text).toContain('<script>alert(1)</script> & <b>жирный</b>');
    expect(text).toContain('Свидетель: «?????» — ???? ? ? evil конец.'); // a «?» per letter, one per emoji as shown
    expect(qpdfCheck(pdfPath).status).toBe(0);
    const xml = (await docxParts(await renderDocx(doc, 'hostile'))).get('word/document.xml')!;
    // The text of the runs, as Word reads it: soft hyphens split a word into two <w:t>, no-break spaces stand for spaces.
    const words = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('').replace(/\u00A0/g, ' ');
    expect(words).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;жирный&lt;/b&gt;');
    expect(xml).not.toContain('\u202E');
  });

  it('is deterministic: the same letter gives the same PDF bytes and the same DOCX XML apart from docProps/core.xml', async () => {
    const doc = stampRegistration(buildLetter(appeal([incident(1), incident(2)], { number: null, date: null })), '01-12/9', '2025-02-03');
    expect(runsText((doc.blocks[1] as { runs: { text: string }[] }).runs as never)).toBe('03.02.2025 № 01-12/9');
    const [a, b] = [await renderPdf(doc), await renderPdf(doc)];
    expect(a.equals(b)).toBe(true);
    const [x, y] = [await docxParts(await renderDocx(doc, 'seed')), await docxParts(await renderDocx(doc, 'seed'))];
    x.delete('docProps/core.xml');
    y.delete('docProps/core.xml');
    expect([...x.keys()].sort()).toEqual([...y.keys()].sort());
    for (const [name, content] of x) expect(y.get(name), name).toBe(content);
    // Tagged PDF/A-2b with the fonts embedded.
    const pdfPath = writeTemp('same.pdf', a);
    const raw = a.toString('latin1');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toMatch(/pdfaid:part>2</);
    expect(raw).toMatch(/pdfaid:conformance>B</);
    expect(raw).toContain('/OutputIntents'); // the sRGB output intent PDF/A requires
    expect(pdfFonts(pdfPath).every((font) => font.embedded)).toBe(true);
  });

  it('draws the emblem on the letterhead in both writers', async () => {
    const emblem = { mediaType: 'image/png' as const, base64: pngImage(120, 120, [30, 80, 160]).toString('base64') };
    const doc = buildLetter(appeal([incident(1)], { office: { name: 'Уполномоченный по правам человека в Республике Таджикистан', addressLines: ['Душанбе'], emblem } }));
    const pdf = await renderPdf(doc);
    expect(pdf.toString('latin1')).toContain('/Subtype /Image');
    renderPages(writeTemp('emblem.pdf', pdf), 'emblem');
    const parts = await docxParts(await renderDocx(doc, 'emblem'));
    expect([...parts.keys()].some((name) => name.startsWith('word/media/'))).toBe(true);
  });

  it('builds every kind in every language from its own phrase table, schema-valid', () => {
    const fotekh = { id: 'in-1', title: 'Задержание граждан на КПП «Фотех» № 1', startDate: '2024-03-15', endDate: null, datePrecision: 'day' as const, place: { name: 'КПП «Фотех»', country: 'KZ' } };
    const unanswered = [{ number: '01-12/100', date: '2024-01-15', subject: 'О задержании', daysWaiting: 361, incidents: [fotekh] }];
    const expected = {
      ru: ['Выражаю Вам своё уважение и прошу в течение 30 дней сообщить о ходе рассмотрения следующего случая', 'Наше письмо от 15.01.2024 № 01-12/100 остаётся без ответа 361 день.', '15.03.2024, КПП «Фотех» (Республика Казахстан) — Задержание граждан на КПП «Фотех» № 1.'],
      tg: ['хоҳиш менамоям, ки дар муддати 30 рӯз дар бораи ҷараёни баррасии ҳодисаи зерин', 'Мактуби мо аз 15.01.2024 № 01-12/100 361 рӯз боз бе ҷавоб мондааст.', '15.03.2024, КПП «Фотех» (Ҷумҳурии Қазоқистон) — Задержание'],
      en: ['ask you to inform me, within 30 days, of the progress in examining the following case', 'Our letter No. 01-12/100 of 15 January 2024 has remained unanswered for 361 days.', '15 March 2024, КПП «Фотех» (Republic of Kazakhstan) — Задержание'],
    } as const;
    for (const language of ['ru', 'tg', 'en'] as const) {
      const request = buildLetter(appeal([incident(1)], { kind: 'information-request', language }));
      const followUp = buildLetter(appeal([], { kind: 'follow-up', language, unanswered }));
      expect(docSchema.safeParse(request).success && docSchema.safeParse(followUp).success).toBe(true);
      const text = JSON.stringify([request, followUp]);
      for (const phrase of expected[language]) expect(text).toContain(phrase);
    }
  });
});
