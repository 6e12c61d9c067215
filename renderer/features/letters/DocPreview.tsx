import boldUrl from '@expo-google-fonts/pt-serif/700Bold/PTSerif_700Bold.ttf?url';
import regularUrl from '@expo-google-fonts/pt-serif/400Regular/PTSerif_400Regular.ttf?url';
import { useEffect } from 'react';
import type { Block, Doc, Run } from '../../../shared/document/model.ts';
import { addresseeIndentMm, fontFamily, lineHeight, page, paragraphLook, signaturePositionShare, signatureSpaceBeforePt, type } from '../../../shared/document/layout.ts';

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

function RunsView({ runs }: { runs: readonly Run[] }) {
  return (
    <>
      {runs.map((run, index) => {
        const text = run.bold ? <strong>{run.text}</strong> : run.text;
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
        <BlockView key={index} block={block} />
      ))}
    </article>
  );
}

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case 'letterhead':
      return (
        <header className="doc-letterhead">
          {block.emblem && <img src={`data:${block.emblem.mediaType};base64,${block.emblem.base64}`} alt="" style={{ width: mm(block.emblem.widthMm) }} />}
          {block.lines.map((line, index) => (
            <p key={index} style={{ fontSize: pt(index === 0 ? type.letterheadPt + 1 : type.smallPt), fontWeight: index === 0 ? 700 : 400 }}>
              {line}
            </p>
          ))}
        </header>
      );
    case 'addressee':
      return (
        <div className="doc-addressee" style={{ marginLeft: mm(addresseeIndentMm), fontSize: pt(type.bodyPt) }}>
          {block.lines.map((line, index) => (
            <p key={index}>{line}</p>
          ))}
        </div>
      );
    case 'paragraph': {
      const look = paragraphLook[block.style];
      return (
        <p className={`doc-p doc-${block.style}`} style={{ textAlign: look.align, textIndent: mm(look.firstLineMm), fontSize: pt(look.sizePt), fontWeight: look.bold ? 700 : 400, marginTop: pt(look.spaceBeforePt), marginBottom: pt(look.spaceAfterPt) }}>
          <RunsView runs={block.runs} />
        </p>
      );
    }
    case 'heading':
      return <h3 style={{ fontSize: pt(type.headingPt), textAlign: 'center' }}>{block.text}</h3>;
    case 'list':
      return (
        <div className="doc-list">
          {block.items.map((item, index) => (
            <p key={index} style={{ textAlign: 'justify', textIndent: mm(paragraphLook.body.firstLineMm), fontSize: pt(type.bodyPt) }}>
              {block.ordered ? `${index + 1}. ` : '• '}
              <RunsView runs={item} />
            </p>
          ))}
        </div>
      );
    case 'table': {
      const total = block.widths.reduce((a, b) => a + b, 0);
      return (
        <table className="doc-table" style={{ fontSize: pt(type.tablePt) }}>
          <colgroup>
            {block.header.map((_, i) => (
              <col key={i} style={{ width: `${((block.widths[i] ?? 1) / total) * 100}%` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {block.header.map((cell, i) => (
                <th key={i} scope="col">
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {block.header.map((_, i) => (
                  <td key={i}>{row[i] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    case 'signature':
      return (
        <div className="doc-signature" style={{ marginTop: pt(signatureSpaceBeforePt), fontSize: pt(type.bodyPt) }}>
          <div style={{ width: `${signaturePositionShare * 100}%` }}>
            {block.position.map((line, index) => (
              <p key={index}>{line}</p>
            ))}
          </div>
          <p className="doc-signature-name">{block.name}</p>
        </div>
      );
    case 'executor':
      return (
        <footer className="doc-executor" style={{ fontSize: pt(type.smallPt) }}>
          {block.lines.map((line, index) => (
            <p key={index}>{line}</p>
          ))}
        </footer>
      );
    case 'pageBreak':
      return <hr className="doc-page-break" />;
  }
}
