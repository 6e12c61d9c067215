import type { Block, Doc } from '../../shared/document/model.ts';
import type { Language } from '../../shared/domain/vault.ts';
import { pngImage } from './images.ts';

/**
 * A dossier-shaped Doc without the dossier template (shared/templates/dossier builds the real one): cover, table of
 * contents, a summary with the three kinds of chart, then one sheet per incident (heading, facts, a table of
 * letters) and an evidence annex of figures. The engine's tests and the bench draw it; `sheets` and `figures` set
 * its size.
 */
const words = {
  ru: { contents: 'Содержание', summary: 'Сводка', byType: 'Случаи по видам нарушений', byMonth: 'Случаи по месяцам', letters: 'Письма по месяцам', incidents: 'Случаи', incident: 'Случай', evidence: 'Приложение: доказательства', mark: 'Для служебного пользования' },
  tg: { contents: 'Мундариҷа', summary: 'Хулоса', byType: 'Ҳолатҳо аз рӯи навъи вайронкунӣ', byMonth: 'Ҳолатҳо аз рӯи моҳ', letters: 'Мактубҳо аз рӯи моҳ', incidents: 'Ҳолатҳо', incident: 'Ҳолат', evidence: 'Замима: далелҳо', mark: 'Барои истифодаи хизматӣ' },
  en: { contents: 'Contents', summary: 'Summary', byType: 'Incidents by violation type', byMonth: 'Incidents by month', letters: 'Letters by month', incidents: 'Incidents', incident: 'Incident', evidence: 'Annex: evidence', mark: 'Restricted' },
} as const;

export const dossierChartCategories = ['Задержание', 'Отказ в медицинской помощи', 'Депортация', 'Изъятие документов'];

/** `pictures`: the figures' images in turn (evidence thumbnails); without them, one generated PNG for all. */
export function dossierDoc(options: { language?: Language; sheets?: number; figures?: number; image?: Buffer; pictures?: readonly { mediaType: 'image/png' | 'image/jpeg'; base64: string }[] } = {}): Doc {
  const language = options.language ?? 'ru';
  const w = words[language];
  const image = { mediaType: 'image/png' as const, base64: (options.image ?? pngImage(300, 200, [90, 120, 60])).toString('base64'), widthMm: 60 };
  const months = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];
  const blocks: Block[] = [
    { kind: 'letterhead', emblem: null, lines: ['Уполномоченный по правам человека в Республике Таджикистан', '734025, г. Душанбе, проспект Рудаки, 19'] },
    { kind: 'paragraph', style: 'cover-title', runs: [{ text: 'Досье к встрече с Уполномоченным по правам человека в Российской Федерации' }] },
    { kind: 'paragraph', style: 'cover', runs: [{ text: 'Москва, 15.02.2025' }] },
    { kind: 'paragraph', style: 'cover', runs: [{ text: 'Издание 1' }] },
    { kind: 'pageBreak' },
    { kind: 'contents', title: w.contents },
    { kind: 'pageBreak' },
    { kind: 'heading', level: 1, text: w.summary },
    { kind: 'paragraph', style: 'body', runs: [{ text: 'Случаев: 41. Пострадавших: 120, из них женщин 30, детей 12. Писем отправлено 11, получено ответов 1.' }] },
    { kind: 'heading', level: 2, text: w.byType },
    { kind: 'chart', chart: 'bar', title: w.byType, x: dossierChartCategories, series: [{ name: w.incidents, values: [17, 9, 11, 4] }], xTitle: 'Вид нарушения', yTitle: 'Число случаев' },
    { kind: 'heading', level: 2, text: w.byMonth },
    { kind: 'chart', chart: 'line', title: w.byMonth, x: months, series: [{ name: w.incidents, values: [3, 8, 5, 9, 6, 10] }], xTitle: 'Месяц', yTitle: 'Число случаев' },
    { kind: 'heading', level: 2, text: w.letters },
    { kind: 'chart', chart: 'grouped-bar', title: w.letters, x: months, series: [{ name: 'Отправлено', values: [2, 1, 3, 2, 2, 1] }, { name: 'Ответы', values: [0, 0, 1, 0, 0, 0] }], xTitle: 'Месяц', yTitle: 'Письма' },
    { kind: 'pageBreak' },
    { kind: 'heading', level: 1, text: w.incidents },
  ];
  for (let i = 1; i <= (options.sheets ?? 6); i += 1) {
    blocks.push(
      { kind: 'heading', level: 2, text: `${w.incident} ${i}: задержание граждан на КПП «Фотех»` },
      { kind: 'paragraph', style: 'body', runs: [{ text: `15.03.2024 на пункте пропуска «Фотех» были задержаны ${i + 3} граждан Республики Таджикистан; их удерживали более суток без пищи и воды, документы были изъяты, а в медицинской помощи отказано.` }] },
      { kind: 'table', header: ['№', 'Письмо', 'Дата', 'Состояние'], widths: [1, 3, 2, 3], rows: [['1', `01-12/${i}`, '20.03.2024', 'ответ не получен'], ['2', `01-12/${i + 100}`, '02.05.2024', 'ответ получен']] },
    );
  }
  if ((options.figures ?? 2) > 0) {
    blocks.push({ kind: 'pageBreak' }, { kind: 'heading', level: 1, text: w.evidence });
    for (let i = 1; i <= (options.figures ?? 2); i += 1) blocks.push({ kind: 'figure', image: options.pictures?.length ? { ...options.pictures[(i - 1) % options.pictures.length]!, widthMm: 80 } : image, alt: `Фото ${i}`, caption: [`photo-${i}.png — фото КПП «Фотех»`, `SHA-256: ${String(i).padStart(64, '0')}`] });
  }
  return { meta: { language, title: 'Досье к встрече', number: null, date: '2025-02-15', classification: w.mark, furniture: { kind: 'dossier', cover: true } }, blocks };
}
