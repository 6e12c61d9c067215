import { AppError } from '../../../errors/app-error.ts';

/** What a part's reader is told, in document order. Names are local (a prefix like `x:` is dropped). */
export interface XmlHandler {
  open(name: string, attributes: ReadonlyMap<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

/** A tag, comment or CDATA section longer than this is refused: real workbook markup is far shorter. */
const MAX_MARKUP = 1024 ** 2;

const invalid = (what: string) => new AppError('import-invalid', { detail: `XLSX: ${what}` });
const localName = (name: string) => name.slice(name.lastIndexOf(':') + 1);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Replaces XML's five entities and character references; anything else (a DTD's entity) is refused. */
function unescape(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&([^;&<]{0,12});?/g, (match, name: string) => {
    if (!match.endsWith(';')) throw invalid('a bare "&" in XML text');
    if (name in ENTITIES) return ENTITIES[name]!;
    const code = name.startsWith('#x') ? Number.parseInt(name.slice(2), 16) : name.startsWith('#') ? Number.parseInt(name.slice(1), 10) : Number.NaN;
    if (!Number.isInteger(code) || code < 1 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw invalid('an unknown XML entity');
    return String.fromCodePoint(code);
  });
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * A small streaming XML reader for the parts of a workbook, written for hostile input: it keeps only the markup
 * not yet complete (at most MAX_MARKUP characters), refuses DTDs (no entity expansion, no external entities) and
 * hands text over in pieces, so memory is bounded by what the caller decides to keep. It checks what a reader of
 * cell values needs, not full well-formedness.
 */
export class XmlScanner {
  private pending = '';
  private readonly handler: XmlHandler;

  constructor(handler: XmlHandler) {
    this.handler = handler;
  }

  write(chunk: string): void {
    const input = this.pending + chunk;
    let at = 0;
    for (;;) {
      const lt = input.indexOf('<', at);
      if (lt === -1) {
        // Text up to a possibly cut entity ("&am" + "p;" in the next chunk) is handed over now.
        const amp = input.lastIndexOf('&');
        const keepFrom = amp >= at && !input.includes(';', amp) ? amp : input.length;
        if (input.length - keepFrom > 16) throw invalid('a bare "&" in XML text');
        if (keepFrom > at) this.handler.text(unescape(input.slice(at, keepFrom)));
        this.pending = input.slice(keepFrom);
        return;
      }
      if (lt > at) this.handler.text(unescape(input.slice(at, lt)));
      const end = this.markup(input, lt);
      if (end === -1) {
        if (input.length - lt > MAX_MARKUP) throw invalid('an XML tag is too long');
        this.pending = input.slice(lt);
        return;
      }
      at = end;
    }
  }

  end(): void {
    if (this.pending.trim() !== '') throw invalid('the XML ends in the middle of a tag');
    this.pending = '';
  }

  /** Handles the markup starting at `lt`; returns where it ends, or -1 when it is not complete yet. */
  private markup(input: string, lt: number): number {
    if (input.startsWith('<!--', lt)) return after(input, '-->', lt + 4);
    if (input.startsWith('<?', lt)) return after(input, '?>', lt + 2);
    if (input.startsWith('<![CDATA[', lt)) {
      const end = input.indexOf(']]>', lt + 9);
      if (end === -1) return -1;
      this.handler.text(input.slice(lt + 9, end));
      return end + 3;
    }
    if (input.startsWith('<!', lt)) {
      if (input.length - lt < 9) return -1;
      throw invalid('DTDs are not allowed in a workbook');
    }
    const gt = tagEnd(input, lt + 1);
    if (gt === -1) return -1;
    const tag = input.slice(lt + 1, gt);
    if (tag.startsWith('/')) {
      this.handler.close(localName(tag.slice(1).trim()));
      return gt + 1;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const nameEnd = body.search(/[\s/]|$/);
    const name = localName(body.slice(0, nameEnd));
    if (!name) throw invalid('an XML tag without a name');
    const attributes = new Map<string, string>();
    for (const match of body.slice(nameEnd).matchAll(ATTRIBUTE)) attributes.set(match[1]!, unescape(match[2] ?? match[3] ?? ''));
    this.handler.open(name, attributes);
    if (selfClosing) this.handler.close(name);
    return gt + 1;
  }
}

function after(input: string, terminator: string, from: number): number {
  const end = input.indexOf(terminator, from);
  return end === -1 ? -1 : end + terminator.length;
}

/** The `>` closing a tag, skipping any inside quoted attribute values (XML allows them there). */
function tagEnd(input: string, from: number): number {
  let quote = '';
  for (let i = from; i < input.length; i += 1) {
    const ch = input[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i;
    else if (ch === '<') throw invalid('a "<" inside an XML tag');
  }
  return -1;
}
