import boldUrl from '@expo-google-fonts/pt-serif/700Bold/PTSerif_700Bold.ttf?url';
import regularUrl from '@expo-google-fonts/pt-serif/400Regular/PTSerif_400Regular.ttf?url';
import { useEffect } from 'react';
import type { CSSProperties } from 'react';
import { assertNever } from '../../../shared/assert-never.ts';
import { addresseeLook, chartLook, contentsLook, executorLook, figureLook, fontFamily, headingLook, keyLook, letterheadLook, lineHeight, listLook, lookOf, page, percent, signatureLook, tableLook, type ParagraphLook } from '../../../shared/document/layout.ts';
import { chartDescription, type Block, type Doc, type Run } from '../../../shared/document/model.ts';
import { typeset } from '../../../shared/document/typography.ts';
import type { Language } from '../../../shared/domain/vault.ts';
import { ChartPicture } from './ChartPicture.tsx';

let fontsLoaded = false;
/** The letter's own font (PT Serif, shipped with the app), so the preview shows Tajik letters as the PDF does. */
function useLetterFont(): void {
  useEffect(() => {
    if (fontsLoaded) return;
    fontsLoaded = true;
    for (const [url, weight] of [[regularUrl, '400'], [boldUrl, '700']] as const) {
      const face = new FontFace(fontFamily, `url(${url})`, { weight });
      void face.load().then((loaded) => document.fonts.add(loaded));
    }
  }, []);
}

const mm = (value: number) => `${value}mm`;
const pt = (value: number) => `${value}pt`;
/** A paragraph look as CSS: the same alignment, indent, size, weight and spacing the PDF and DOCX writers use. */
const lookStyle = (look: ParagraphLook): CSSProperties => ({
  textAlign: look.align,
  marginLeft: mm(look.leftMm),
  textIndent: mm(look.firstLineMm),
  fontSize: pt(look.sizePt),
  fontWeight: look.bold ? 'bold' : 'normal',
  marginTop: pt(look.spaceBeforePt),
  marginBottom: pt(look.spaceAfterPt),
  hyphens: look.hyphenate ? 'auto' : 'manual',
});
const ruleStyle = (widthPt: number) => `${pt(widthPt)} solid #000`;

function RunsView({ runs, language }: { runs: readonly Run[]; language: Language }) {
  return (
    <>
      {runs.map((run, index) => {
        const set = typeset(run.text, language);
        const text = run.bold ? <strong>{set}</strong> : set;
        return <span key={index}>{run.italic ? <em>{text}</em> : text}</span>;
      })}
    </>
  );
}

/**
 * The third writer: the same Doc the PDF and DOCX writers render, drawn in the window with the same geometry and
 * type from layout.ts (one sheet of A4 width; page breaks are shown as rules). Text is React text, never HTML.
 */
export function DocPreview({ doc, label }: { doc: Doc; label: string }) {
  useLetterFont();
  return (
    <article className="doc-preview" aria-label={label} lang={doc.meta.language} style={{ width: mm(page.widthMm), padding: `${mm(page.marginMm.top)} ${mm(page.marginMm.right)} ${mm(page.marginMm.bottom)} ${mm(page.marginMm.left)}`, fontFamily: `'${fontFamily}', serif`, lineHeight }}>
      {doc.blocks.map((block, index) => (
        <BlockView key={index} block={block} language={doc.meta.language} following={doc.blocks.slice(index + 1)} />
      ))}
    </article>
  );
}

/** Text is set as the PDF and DOCX writers set it (typography.ts); the browser hyphenates in the page's language. */
function BlockView({ block, language, following }: { block: Block; language: Language; following: readonly Block[] }) {
  const set = (text: string) => typeset(text, language);
  switch (block.kind) {
    case 'letterhead':
      return (
        <header className="doc-letterhead" style={{ borderBottom: ruleStyle(letterheadLook.ruleWidthPt), paddingBottom: pt(letterheadLook.ruleGapPt), marginBottom: pt(letterheadLook.spaceAfterPt) }}>
          {block.emblem && <img src={`data:${block.emblem.mediaType};base64,${block.emblem.base64}`} alt="" style={{ width: mm(block.emblem.widthMm), marginBottom: pt(letterheadLook.emblemGapPt) }} />}
          {block.lines.map((line, index) => (
            <p key={index} style={lookStyle(index === 0 ? letterheadLook.name : letterheadLook.details)}>
              {set(line)}
            </p>
          ))}
        </header>
      );
    case 'addressee':
      return (
        <div className="doc-addressee" style={{ marginLeft: mm(addresseeLook.indentMm), marginTop: pt(addresseeLook.spaceBeforePt), marginBottom: pt(addresseeLook.spaceAfterPt) }}>
          {block.lines.map((line, index) => (
            <p key={index} style={lookStyle(addresseeLook.line)}>
              {set(line)}
            </p>
          ))}
        </div>
      );
    case 'paragraph':
      return (
        <p className={`doc-p doc-${block.style}`} style={lookStyle(lookOf(block.style, language))}>
          <RunsView runs={block.runs} language={language} />
        </p>
      );
    case 'heading':
      return <h3 style={lookStyle(headingLook)}>{set(block.text)}</h3>;
    case 'list':
      return (
        <div className="doc-list">
          {block.items.map((item, index) => (
            <p key={index} style={lookStyle(listLook.item)}>
              {(block.ordered ? listLook.number(index + 1, block.marker) : listLook.bullet) + listLook.gap}
              <RunsView runs={item} language={language} />
            </p>
          ))}
        </div>
      );
    case 'table': {
      const total = block.widths.reduce((a, b) => a + b, 0);
      const cell: CSSProperties = { ...lookStyle(tableLook.text), padding: pt(tableLook.paddingPt), border: ruleStyle(tableLook.ruleWidthPt) };
      return (
        <table className="doc-table" style={{ fontSize: pt(tableLook.text.sizePt), marginTop: 0, marginBottom: pt(tableLook.spaceAfterPt) }}>
          <colgroup>
            {block.header.map((_, i) => (
              <col key={i} style={{ width: percent((block.widths[i] ?? 1) / total) }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {block.header.map((text, i) => (
                <th key={i} scope="col" style={{ ...cell, fontWeight: 'bold' }}>
                  {set(text)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {block.header.map((_, i) => (
                  <td key={i} style={cell}>
                    {typeset(row[i] ?? '', language, 'cell')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    case 'signature':
      return (
        <div className="doc-signature" style={{ marginTop: pt(signatureLook.spaceBeforePt) }}>
          <div style={{ width: percent(signatureLook.positionShare) }}>
            {block.position.map((line, index) => (
              <p key={index} style={lookStyle(signatureLook.line)}>
                {set(line)}
              </p>
            ))}
          </div>
          <p className="doc-signature-name" style={{ ...lookStyle(signatureLook.line), textAlign: 'right' }}>
            {set(block.name)}
          </p>
        </div>
      );
    case 'executor':
      return (
        <footer className="doc-executor" style={{ marginTop: pt(executorLook.gapPt), maxWidth: mm(executorLook.widthMm) }}>
          {block.lines.map((line, index) => (
            <p key={index} style={lookStyle(executorLook.line)}>
              {set(line)}
            </p>
          ))}
        </footer>
      );
    case 'pageBreak':
      return <hr className="doc-page-break" />;
    case 'key':
      return (
        <div className="doc-key" style={{ marginTop: pt(keyLook.spaceBeforePt), marginBottom: pt(keyLook.spaceAfterPt) }}>
          {block.lines.map((line, index) => (
            <p key={index} style={{ ...lookStyle(keyLook.line), letterSpacing: pt(keyLook.letterSpacingPt) }}>
              {set(line)}
            </p>
          ))}
        </div>
      );
    case 'contents':
      // The preview is one long sheet: the entries without page numbers (the PDF and DOCX have them).
      return (
        <nav className="doc-contents" aria-label={block.title}>
          <p style={lookStyle(contentsLook.title)}>{set(block.title)}</p>
          <ol style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {following.flatMap((next, index) =>
              next.kind === 'heading' ? [<li key={index} style={{ ...lookStyle(contentsLook.entry), marginLeft: mm(next.level === 2 ? contentsLook.level2IndentMm : 0) }}>{set(next.text)}</li>] : [],
            )}
          </ol>
        </nav>
      );
    case 'chart': {
      // Until main has drawn it (or when its picture is not an SVG), the chart's data as a table.
      const data = (
        <table className="doc-table" style={{ width: '100%', borderCollapse: 'collapse', fontSize: pt(tableLook.text.sizePt) }}>
          <thead>
            <tr>
              <th>{set(block.xTitle)}</th>
              {block.series.map((series, index) => (
                <th key={index}>{set(series.name)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.x.map((label, row) => (
              <tr key={row}>
                <td>{set(label)}</td>
                {block.series.map((series, index) => (
                  <td key={index}>{series.values[row]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
      // The picture main drew from the data with the writers' own renderer (charts.ts), drawn inline from its
      // allow-listed elements (ChartPicture), so its text is in the document's font as in the PDF.
      return (
        <figure className="doc-chart" style={{ margin: `${pt(chartLook.spaceBeforePt)} 0 ${pt(chartLook.spaceAfterPt)}`, textAlign: 'center' }}>
          {block.svg ? <ChartPicture svg={block.svg} label={chartDescription(block)} widthMm={chartLook.widthMm} heightMm={chartLook.heightMm} fallback={data} /> : data}
          <figcaption style={lookStyle(figureLook.caption)}>{set(block.title)}</figcaption>
        </figure>
      );
    }
    case 'figure':
      return (
        <figure className="doc-figure" style={{ margin: `${pt(figureLook.spaceBeforePt)} 0 ${pt(figureLook.spaceAfterPt)}`, textAlign: 'center' }}>
          <img src={`data:${block.image.mediaType};base64,${block.image.base64}`} alt={block.alt} style={{ width: mm(block.image.widthMm), marginBottom: pt(figureLook.gapPt) }} />
          <figcaption>
            {block.caption.map((line, index) => (
              <p key={index} style={lookStyle(figureLook.caption)}>
                {set(line)}
              </p>
            ))}
          </figcaption>
        </figure>
      );
    default:
      return assertNever(block, 'block kind');
  }
}
