import type { Block } from '../../document/model.ts';
import type { Language } from '../../domain/vault.ts';
import { upperFirst } from '../letters/format.ts';
import { caseLine, detentionCodes, peopleFacts, whenOf, whereOf } from '../letters/incident-text.ts';
import { cell, heading, label, paragraph, paragraphs, shaLines } from './blocks.ts';
import type { DossierEvidence, DossierIncident } from './input.ts';
import type { DossierPhrases } from './phrases.ts';

/** The sheet's heading: «3. 15.03.2024, КПП «Фотех» (Республика Казахстан) — Задержание граждан». */
export const sheetTitle = (incident: DossierIncident, index: number, p: DossierPhrases) => `${index + 1}. ${caseLine(incident, p.letter)}`;

/**
 * One incident's sheet: its heading, the facts as a two-column table (dates by precision, place and country, who was
 * affected — withheld identities masked exactly as letters mask them, never revealed here —, how long, violations,
 * methods, sources with their reliability, status, every letter that raised it and every reply), what happened in
 * the record's words, and the evidence list with each file's SHA-256 and custody.
 */
export function incidentSheet(incident: DossierIncident, index: number, p: DossierPhrases, language: Language): Block[] {
  const l = p.sheet.labels;
  const facts = peopleFacts(incident, p.letter, false, language);
  const who = facts.single ? (facts.single.gender ?? 'unknown') : 'many';
  const detention = incident.violationCodes.some((code) => detentionCodes.has(code));
  const rows: [string, string][] = [
    [l.when, upperFirst(whenOf(incident, p.letter))],
    [l.where, whereOf(incident, p.letter)],
    [l.people, incident.peopleAffected > 0 ? p.letter.people(facts) : ''],
    [l.duration, incident.durationDays ? p.letter.held(incident.durationDays, who, detention) : ''],
    [l.violations, incident.violations.join('; ')],
    [l.methods, incident.methods.join('; ')],
    [l.sources, incident.sources.map((source, at) => sourceLine(source, incident.reliability[at] ?? 'unverified', p)).join('\n')],
    [l.status, p.sheet.status[incident.status]],
    [l.letters, incident.letters.map((letter) => p.sheet.letter(letter.direction, letter.number, letter.date)).join('\n')],
    ...(incident.evidence.length ? [] : [[l.evidence, p.sheet.noEvidence] as [string, string]]),
  ];
  const description = incident.description.trim();
  return [
    heading(2, sheetTitle(incident, index, p)),
    { kind: 'table', header: [...p.sheet.header], widths: [50, 130], rows: rows.filter(([, value]) => value.trim() !== '').map(([label, value]) => [label, cell(value)]) },
    ...(description ? [label(l.what), ...paragraphs(description)] : []),
    ...(incident.evidence.length ? [label(l.evidence), evidenceTable(incident.evidence, p)] : []),
  ];
}

function sourceLine(source: DossierIncident['sources'][number], reliability: DossierIncident['reliability'][number], p: DossierPhrases): string {
  const parts = [source.type, source.reference].filter((part) => part.trim() !== '').join(' — ');
  return `${parts}${source.date ? `, ${p.date(source.date)}` : ''} (${p.sheet.reliability[reliability]})`;
}

/** File, type and size, SHA-256, custody, condition: a damaged file says so in its row. */
function evidenceTable(evidence: readonly DossierEvidence[], p: DossierPhrases): Block {
  return {
    kind: 'table',
    header: [...p.sheet.evidenceHeader],
    widths: [38, 30, 40, 40, 32],
    rows: evidence.map((file) => [
      cell(file.fileName),
      `${fileType(file)}\n${p.size(file.size)}`,
      shaLines(file.sha256),
      cell(p.sheet.custody(file.addedBy, file.addedAt.slice(0, 10))),
      file.damaged ? p.sheet.damaged : file.unshown ? p.sheet.unshown[file.unshown] : '',
    ]),
  };
}

/**
 * A file's type as a clerk names it — «PNG», «PDF», «MP4» — from its media type, or from the name's extension when the
 * bytes told nothing (application/octet-stream); a long media type would not fit its column.
 */
export function fileType(file: Pick<DossierEvidence, 'mediaType' | 'fileName'>): string {
  const subtype = file.mediaType.split('/')[1] ?? file.mediaType;
  const extension = /\.([\p{L}\p{N}]{1,8})$/u.exec(file.fileName)?.[1];
  if (subtype === 'octet-stream' || subtype === '') return extension ? extension.toUpperCase() : '—';
  if (subtype === 'plain') return 'TXT';
  return subtype.replace(/^(x-|vnd\.)/, '').toUpperCase().slice(0, 24);
}

/** Widest a thumbnail stands (mm), and tallest: about three pictures with their captions to a page. */
const FIGURE_WIDTH_MM = 90;
const FIGURE_HEIGHT_MM = 65;

/**
 * The evidence annex: per incident with files, its heading, each picture as a figure with its caption (file, the
 * incident, SHA-256), then the other files listed; a damaged file is listed as damaged with a note, never skipped.
 */
export function evidenceAnnex(incidents: readonly DossierIncident[], p: DossierPhrases): Block[] {
  const withFiles = incidents.map((incident, index) => ({ incident, index })).filter(({ incident }) => incident.evidence.length > 0);
  if (!withFiles.length) return [paragraph('body', p.evidence.none)];
  return withFiles.flatMap(({ incident, index }) => {
    const pictures = incident.evidence.filter((file) => file.thumbnail && !file.damaged);
    const listed = incident.evidence.filter((file) => !file.thumbnail || file.damaged);
    const damaged = listed.filter((file) => file.damaged);
    return [
      heading(2, sheetTitle(incident, index, p)),
      ...pictures.map((file) => figure(file, caseLine(incident, p.letter), p)),
      ...(listed.length ? [label(p.evidence.listed), evidenceTable(listed, p)] : []),
      ...damaged.map((file) => ({ kind: 'paragraph', style: 'annex', runs: [{ text: `${file.fileName}: ${p.evidence.damaged}`, bold: true }] }) satisfies Block),
    ];
  });
}

function figure(file: DossierEvidence, incident: string, p: DossierPhrases): Block {
  const picture = file.thumbnail!;
  const widthMm = Math.max(5, Math.min(FIGURE_WIDTH_MM, (FIGURE_HEIGHT_MM * picture.width) / Math.max(1, picture.height)));
  return {
    kind: 'figure',
    image: { mediaType: picture.mediaType, base64: picture.base64, widthMm: Math.round(widthMm * 10) / 10 },
    alt: file.fileName.slice(0, 1000),
    caption: [`${file.fileName} (${p.size(file.size)})`.slice(0, 1000), p.evidence.caption(incident).slice(0, 1000), p.evidence.sha(file.sha256)],
  };
}
