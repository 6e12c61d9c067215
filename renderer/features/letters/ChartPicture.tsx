import { createElement, useId, useMemo, type ReactNode } from 'react';
import { fontFamily } from '../../../shared/document/layout.ts';
import { safeSvg, type SvgNode } from './safe-svg.ts';

interface Props {
  svg: string;
  /** What the chart shows, read out for the picture (the Doc's chart description). */
  label: string;
  widthMm: number;
  heightMm: number;
  /** Shown instead when the markup is not an SVG. */
  fallback: ReactNode;
}

const parser = (markup: string) => new DOMParser().parseFromString(markup, 'image/svg+xml');

function draw(node: SvgNode | string, key: number): ReactNode {
  if (typeof node === 'string') return node;
  return createElement(node.tag, { key, ...node.attributes }, ...node.children.map(draw));
}

/**
 * Main's chart SVG drawn inline from its allow-listed tree (safe-svg.ts), so its text is set in the document's font
 * as in the PDF: one picture for assistive technology, named by the chart's description.
 */
export function ChartPicture({ svg, label, widthMm, heightMm, fallback }: Props) {
  const prefix = `chart${useId().replace(/[^A-Za-z0-9]/g, '')}`;
  const tree = useMemo(() => safeSvg(svg, prefix, parser), [svg, prefix]);
  if (!tree) return <>{fallback}</>;
  const { width: _width, height: _height, ...attributes } = tree.attributes;
  return createElement(
    'svg',
    { ...attributes, role: 'img', 'aria-label': label, focusable: 'false', fontFamily: `'${fontFamily}', serif`, style: { width: `${widthMm}mm`, height: `${heightMm}mm` } },
    ...tree.children.map(draw),
  );
}
