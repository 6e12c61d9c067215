/**
 * A chart's SVG (made in main by vega from the Doc's data, electron/documents/charts.ts) turned into a tree the
 * preview draws INLINE, so the chart's text is set in the document's own font (PT Serif, loaded into the window): an
 * SVG shown through <img> is a separate document that can load no font at all and falls back to a system face.
 *
 * Inline SVG becomes part of the window, so the markup is treated as untrusted even though vega writes no script:
 * it is parsed by DOMParser (an inert document: nothing in it runs or loads) and only an ALLOW-LIST survives —
 * shapes, text, groups, clip paths and gradients, with geometry and presentation attributes. No script, style,
 * foreignObject, image, use, a or animation element; no event handler, href, class, style or role attribute; a
 * `url(…)` only as a reference to an element of the same picture (`url(#id)`). Ids are prefixed per picture, so two
 * charts in one preview (vega numbers clip paths from 1 in each) never borrow each other's. Text stays text (React
 * text nodes, never HTML). The app's CSP stays as it is: no inline style is needed, sizes are set through the CSSOM.
 */

export type SvgTag = (typeof tags)[number];
export interface SvgNode {
  tag: SvgTag;
  /** React's names (camelCase), values as vega wrote them (ids and references prefixed). */
  attributes: Record<string, string>;
  children: (SvgNode | string)[];
}

const tags = ['svg', 'g', 'path', 'rect', 'line', 'circle', 'ellipse', 'polyline', 'polygon', 'text', 'tspan', 'defs', 'clipPath', 'linearGradient', 'radialGradient', 'stop'] as const;
const tagSet: ReadonlySet<string> = new Set(tags);
/** Elements whose text is drawn. */
const textTags: ReadonlySet<string> = new Set(['text', 'tspan']);

const attributes: ReadonlySet<string> = new Set([
  'd', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'dx', 'dy', 'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'width', 'height', 'points', 'offset', 'transform', 'viewBox',
  'preserveAspectRatio', 'opacity', 'display', 'visibility', 'fill', 'fill-opacity', 'fill-rule', 'clip-rule', 'stroke', 'stroke-width', 'stroke-opacity',
  'stroke-dasharray', 'stroke-dashoffset', 'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'font-family', 'font-size', 'font-weight',
  'font-style', 'font-variant', 'letter-spacing', 'text-anchor', 'dominant-baseline', 'alignment-baseline', 'baseline-shift', 'clip-path', 'id',
  'stop-color', 'stop-opacity', 'gradientUnits', 'gradientTransform', 'clipPathUnits', 'spreadMethod',
]);
/** A reference to an element of the same picture: the only `url(…)` kept. */
const localReference = /^url\(\s*#([A-Za-z0-9_.-]+)\s*\)$/;
const plainId = /^[A-Za-z0-9_.-]+$/;
/** Bounds for a picture that is not what vega makes (a chart is a few thousand elements, nested about ten deep). */
const MAX_NODES = 50_000;
const MAX_DEPTH = 64;

const camel = (name: string) => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * The allow-listed tree of an SVG's markup, its ids prefixed with `prefix`; null when the markup is not an SVG (the
 * preview then shows the chart's data as a table). `parse` is the window's DOMParser (given, so tests can bring one).
 */
export function safeSvg(markup: string, prefix: string, parse: (markup: string) => Document): SvgNode | null {
  const root = parse(markup).documentElement;
  if (root.localName !== 'svg' || root.namespaceURI !== 'http://www.w3.org/2000/svg') return null;
  let budget = MAX_NODES;
  const visit = (element: Element, depth: number): SvgNode | null => {
    if (depth > MAX_DEPTH || --budget < 0 || !tagSet.has(element.localName) || element.namespaceURI !== root.namespaceURI) return null;
    const kept: Record<string, string> = {};
    for (const { name, value } of Array.from(element.attributes)) {
      if (!attributes.has(name)) continue;
      if (name === 'id') {
        if (plainId.test(value)) kept.id = `${prefix}-${value}`;
        continue;
      }
      if (value.includes('url(')) {
        const target = localReference.exec(value.trim());
        if (target) kept[camel(name)] = `url(#${prefix}-${target[1]})`;
        continue;
      }
      kept[camel(name)] = value;
    }
    const children: (SvgNode | string)[] = [];
    for (const child of Array.from(element.childNodes)) {
      if (child.nodeType === 3) {
        if (textTags.has(element.localName) && child.textContent) children.push(child.textContent);
      } else if (child.nodeType === 1) {
        const node = visit(child as Element, depth + 1);
        if (node) children.push(node);
      }
    }
    return { tag: element.localName as SvgTag, attributes: kept, children };
  };
  return visit(root, 0);
}
