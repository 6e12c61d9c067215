import { NBSP, NO_BREAK_HYPHEN, urlPattern, ZWSP } from '../../shared/document/typography.ts';
import { SOFT_HYPHEN } from './hyphenation.ts';

/** The four faces of the letter's font, by the names the PDF writer registers them under. */
export type FaceName = 'serif' | 'serif-bold' | 'serif-italic' | 'serif-bold-italic';
/** A stretch of text in one face: the list marker (`label`) or the text itself (`body`), for the PDF's tags. */
export interface Piece {
  text: string;
  face: FaceName;
  role: 'label' | 'body';
}
/** The width of text in a face at the paragraph's size, with the font's kerning, as pdfkit draws it. */
export type Measure = (text: string, face: FaceName) => number;

/** What a line holds: words (drawn) and the spaces between them (advanced over, stretched when justified). */
export type Segment = { kind: 'text'; text: string; face: FaceName; role: Piece['role']; width: number } | { kind: 'space'; width: number };
export interface Line {
  segments: Segment[];
  /** Width without stretching, from the line's indent. */
  width: number;
  /** Spaces a justified line stretches (breaking and no-break alike). */
  spaces: number;
  /** The first line of the paragraph (it carries the indent). */
  first: boolean;
  /** The paragraph's last line, or a line ended by a line break: never stretched. */
  last: boolean;
}

type Atom = { kind: 'text'; text: string; face: FaceName; role: Piece['role']; width: number } | { kind: 'space'; width: number; breaks: boolean } | { kind: 'hyphen'; face: FaceName; width: number } | { kind: 'break' } | { kind: 'newline' };
type WordAtom = Extract<Atom, { kind: 'text' | 'space' | 'hyphen' }>;

/** Within this much of the width a word still fits: rounding, not typography. */
const FIT_EPSILON = 0.01;

/**
 * Breaks a paragraph into lines the way Word and LibreOffice do — first fit: each word goes on the line if it fits,
 * else the line is broken at the last soft hyphen of the word that still fits (drawing a hyphen), else before the
 * word — so the DOCX, which carries the same soft hyphens and no-break spaces, breaks where the PDF does. Breaks
 * happen only at ordinary spaces, zero-width spaces (after a URL's slash), soft hyphens, after a hyphen between two
 * letters (not inside a URL) and at line breaks — never after a no-break hyphen (typography.ts: numbers, «№ 01-12/7»),
 * which is drawn as an ordinary hyphen; a word longer than a whole line is cut where it must.
 */
export function breakLines(pieces: readonly Piece[], measure: Measure, width: number, indent: number): Line[] {
  const atoms = atomsOf(pieces, measure);
  const lines: Line[] = [];
  let current: WordAtom[] = [];
  let first = true;
  const avail = () => width - (first ? indent : 0);
  const finish = (last: boolean) => {
    lines.push(lineOf(current, first, last));
    current = [];
    first = false;
  };
  const placeAlone = (word: WordAtom[]) => {
    let rest = word;
    while (widthOf(rest) > avail() + FIT_EPSILON) {
      const [head, tail] = splitToFit(rest, avail()) ?? cutToFit(rest, avail(), measure);
      current = head;
      finish(false);
      rest = tail;
    }
    current = rest;
  };
  let index = 0;
  while (index < atoms.length) {
    const next = atoms[index]!;
    const separator = next.kind === 'break' || next.kind === 'newline' || (next.kind === 'space' && next.breaks) ? next : null;
    if (separator) index += 1;
    const word: WordAtom[] = [];
    while (index < atoms.length) {
      const atom = atoms[index]!;
      if (atom.kind === 'break' || atom.kind === 'newline' || (atom.kind === 'space' && atom.breaks)) break;
      word.push(atom);
      index += 1;
    }
    if (separator?.kind === 'newline') finish(true);
    const gap: WordAtom[] = separator?.kind === 'space' && current.length > 0 ? [separator] : [];
    if (current.length === 0) placeAlone(word);
    else if (widthOf(current) + widthOf(gap) + widthOf(word) <= avail() + FIT_EPSILON) current.push(...gap, ...word);
    else {
      const split = splitToFit(word, avail() - widthOf(current) - widthOf(gap));
      if (split) {
        current.push(...gap, ...split[0]);
        finish(false);
        placeAlone(split[1]);
      } else {
        finish(false);
        placeAlone(word);
      }
    }
  }
  finish(true);
  return lines;
}

function atomsOf(pieces: readonly Piece[], measure: Measure): Atom[] {
  const atoms: Atom[] = [];
  for (const piece of pieces) {
    const urls = [...piece.text.matchAll(urlPattern)].map((match) => [match.index, match.index + match[0].length] as const);
    let offset = 0;
    for (const part of piece.text.split(new RegExp(`([ ${NBSP}${ZWSP}${SOFT_HYPHEN}\\n])`, 'u'))) {
      const at = offset;
      offset += part.length;
      if (part === '') continue;
      if (part === ' ' || part === NBSP) atoms.push({ kind: 'space', width: measure(' ', piece.face), breaks: part === ' ' });
      else if (part === ZWSP) atoms.push({ kind: 'break' });
      else if (part === SOFT_HYPHEN) atoms.push({ kind: 'hyphen', face: piece.face, width: measure('-', piece.face) });
      else if (part === '\n') atoms.push({ kind: 'newline' });
      else {
        // A hyphen between letters («трудящихся-мигрантов») may end a line, as Word and LibreOffice let it — but not
        // inside a URL, which breaks only after its slashes. Hyphens of numbers are no-break hyphens by now.
        const inUrl = urls.some(([start, end]) => at >= start && at < end);
        (inUrl ? [part] : part.split(/(?<=\p{L}-)(?=\p{L})/u)).forEach((piecePart, i) => {
          if (i > 0) atoms.push({ kind: 'break' });
          const text = piecePart.replaceAll(NO_BREAK_HYPHEN, '-');
          atoms.push({ kind: 'text', text, face: piece.face, role: piece.role, width: measure(text, piece.face) });
        });
      }
    }
  }
  return atoms;
}

/** Natural width of atoms on a line: soft hyphens count only where the line ends at one. */
const widthOf = (atoms: readonly WordAtom[]) => atoms.reduce((sum, atom) => sum + (atom.kind === 'hyphen' ? 0 : atom.width), 0);

/** The longest head of `word` ending at a soft hyphen that fits in `room` with its drawn hyphen, and the rest. */
function splitToFit(word: readonly WordAtom[], room: number): [WordAtom[], WordAtom[]] | null {
  for (let i = word.length - 1; i > 0; i -= 1) {
    const atom = word[i]!;
    if (atom.kind !== 'hyphen') continue;
    const head = word.slice(0, i);
    if (widthOf(head) + atom.width <= room + FIT_EPSILON) return [[...head, { ...atom, kind: 'hyphen' }], word.slice(i + 1)];
  }
  return null;
}

/** A word longer than a line with no soft hyphen that helps: cut between characters, at least one on the line. */
function cutToFit(word: readonly WordAtom[], room: number, measure: Measure): [WordAtom[], WordAtom[]] {
  const head: WordAtom[] = [];
  for (let i = 0; i < word.length; i += 1) {
    const atom = word[i]!;
    if (widthOf([...head, atom]) <= room + FIT_EPSILON) {
      head.push(atom);
      continue;
    }
    if (atom.kind !== 'text') return head.length ? [head, word.slice(i)] : [[atom], word.slice(i + 1)];
    const chars = [...atom.text];
    let taken = 0;
    while (taken < chars.length && widthOf(head) + measure(chars.slice(0, taken + 1).join(''), atom.face) <= room + FIT_EPSILON) taken += 1;
    if (taken === 0 && head.length === 0) taken = 1;
    const cut = (text: string): WordAtom => ({ ...atom, text, width: measure(text, atom.face) });
    const tail = chars.slice(taken).join('');
    return [taken ? [...head, cut(chars.slice(0, taken).join(''))] : head, [...(tail ? [cut(tail)] : []), ...word.slice(i + 1)]];
  }
  return [head, []];
}

function lineOf(atoms: readonly WordAtom[], first: boolean, last: boolean): Line {
  const segments: Segment[] = [];
  atoms.forEach((atom, index) => {
    if (atom.kind === 'text') segments.push({ kind: 'text', text: atom.text, face: atom.face, role: atom.role, width: atom.width });
    else if (atom.kind === 'space') segments.push({ kind: 'space', width: atom.width });
    // A soft hyphen is drawn only where the line ends at it.
    else if (index === atoms.length - 1) segments.push({ kind: 'text', text: '-', face: atom.face, role: 'body', width: atom.width });
  });
  while (segments.at(-1)?.kind === 'space') segments.pop();
  return {
    segments,
    width: segments.reduce((sum, segment) => sum + segment.width, 0),
    spaces: segments.filter((segment) => segment.kind === 'space').length,
    first,
    last,
  };
}
