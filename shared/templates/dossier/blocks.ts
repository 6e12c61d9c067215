import { plain, type Block, type ParagraphStyle } from '../../document/model.ts';

/** Small block builders the dossier's sections share; they keep each text within the Doc's limits. */

/** A table cell holds at most 5,000 characters (model.ts); a longer text is cut with an ellipsis. */
export const cell = (text: string) => (text.length > 5000 ? `${text.slice(0, 4999)}…` : text);

export const paragraph = (style: ParagraphStyle, text: string): Block => ({ kind: 'paragraph', style, runs: plain(text) });

/**
 * Staff's free text as paragraphs: one per line, blank lines dropped; a very long line is split into runs of at
 * most 20,000 characters (a run's limit) in the same paragraph.
 */
export function paragraphs(text: string, style: ParagraphStyle = 'body'): Block[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ kind: 'paragraph', style, runs: chunks(line, 20_000).map((part) => ({ text: part })) }) satisfies Block);
}

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length; at += size) out.push(text.slice(at, at + size));
  return out;
}

export const heading = (level: 1 | 2, text: string): Block => ({ kind: 'heading', level, text: text.slice(0, 1000) });

/** A SHA-256 in four groups of 16 on their own lines, so it fits a table column and is read group by group. */
export const shaLines = (sha256: string) => (sha256.match(/.{1,16}/g) ?? [sha256]).join('\n');

/** A bold label on a line of its own, ending with a colon so it keeps with the table or text it introduces. */
export const label = (text: string): Block => ({ kind: 'paragraph', style: 'annex', runs: [{ text: `${text}:`, bold: true }] });
