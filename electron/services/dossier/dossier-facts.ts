import { createHash } from 'node:crypto';
import { DOSSIER_INCIDENT_LIMIT, type DossierComposition } from '../../../shared/domain/dossier.ts';
import type { Office } from '../../../shared/domain/office.ts';
import type { Incident } from '../../../shared/domain/records.ts';
import type { MissingText } from '../../../shared/domain/translations.ts';
import type { Language } from '../../../shared/domain/vault.ts';
import { dossierCharts, dossierFigures } from '../../../shared/templates/dossier/figures.ts';
import type { DossierCounterpart, DossierEvidence, DossierFrozenLetter, DossierIncident, DossierInput, DossierLetterRef, Reliability } from '../../../shared/templates/dossier/input.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Db } from '../../store/open.ts';
import { fileChunk, fileChunks } from '../../store/repositories/chunked-file-repository.ts';
import { listEvidence, type EvidenceRecord } from '../../store/repositories/evidence-repository.ts';
import { getIncident, incidentExists } from '../../store/repositories/incident-repository.ts';
import { searchIncidents } from '../../store/repositories/incident-search.ts';
import { getLetterDocument } from '../../store/repositories/letter-document-repository.ts';
import { getCounterpart, lettersOf } from '../../store/repositories/letter-repository.ts';
import { readOffice } from '../../store/repositories/office-repository.ts';
import { getPerson } from '../../store/repositories/person-repository.ts';
import { CorrespondenceService } from '../correspondence-service.ts';
import { CHUNK_BYTES } from '../files/chunked-files.ts';
import { incidentsForLetter } from '../letters/letter-facts.ts';
import { LetterTexts } from '../letters/letter-texts.ts';

/** A picture for the evidence annex, scaled down from the stored image (electron/documents/thumbnails.ts). */
export type Thumbnail = NonNullable<DossierEvidence['thumbnail']>;
/**
 * Makes one image's picture; `{ damaged, reason }` (electron/documents/thumbnails.ts's refusal) or null when it
 * cannot: the annex then lists the file and says why.
 */
export type MakeThumbnail = (bytes: Buffer, mediaType: string) => Promise<Thumbnail | { damaged: true; reason: NonNullable<DossierEvidence['unshown']> } | null>;

export interface DossierFactsOptions {
  /** The day figures and days waiting are counted on (the build's date). */
  asOf: string;
  /** The edition being issued; absent or null for a build. */
  edition?: { number: number; date: string } | null;
  /** Makes one image's thumbnail at a time; absent: no pictures, the files are listed. */
  thumbnail?: MakeThumbnail;
  /** Checked between incidents and between images: an aborted build throws AppError('cancelled'). */
  signal?: AbortSignal;
  /** Called as incidents and images are gathered (done of total steps). */
  onProgress?: (done: number, total: number) => void;
}

export interface DossierFacts {
  input: DossierInput;
  /** Texts the dossier needs in its language and the records lack, as a letter draft lists them. */
  missing: MissingText[];
  /** Keys of missing texts staff have not chosen to keep in the original: what blocks issuing. */
  unresolved: string[];
  /** Keys kept in their original (for the audit). */
  kept: string[];
  /** Incidents the saved selection names that no longer exist (deleted after the dossier was saved); built without them. */
  notFound: string[];
}

/** Images up to this size are decoded for the annex; bigger ones are listed (the window's preview limit). */
const THUMBNAIL_MAX_BYTES = 25 * 1024 ** 2;
/**
 * Files up to this size are read whole at every build and checked against their SHA-256; a bigger one (a video of
 * gigabytes) is checked for all its chunks being there, so a build does not hash gigabytes each time (`verify` does).
 */
const HASH_CHECK_MAX_BYTES = 64 * 1024 ** 2;

/**
 * Gathers what the dossier template needs for a composition from the store, in the dossier's language: the
 * incidents (the explicit list, or the saved search run again), each told as letters tell it plus sources'
 * reliability, evidence (checked against its SHA-256, chunk by chunk) and the letters that raised it; each
 * counterpart's register and ledger; the summary's figures and charts; the frozen Docs of the letters. Images are
 * read and scaled one at a time, so only one is ever decoded. Texts missing in the language are listed, as letters do.
 */
export async function dossierFacts(db: Db, composition: DossierComposition, options: DossierFactsOptions): Promise<DossierFacts> {
  const { language } = composition;
  const texts = new LetterTexts(language, composition.keepOriginal);
  const { ids, notFound } = selectedIncidents(db, composition);
  const registry = new CorrespondenceService(() => db, 'dossier');
  const counterparts = composition.counterpartIds.map((id) => counterpartFacts(db, registry, id, options.asOf, texts));
  const letterRefs = lettersByIncident(db);

  const imageCount = ids.reduce((sum, id) => sum + listEvidence(db, id).filter((record) => record.mediaType.startsWith('image/')).length, 0);
  const total = ids.length + imageCount;
  let done = 0;
  const step = () => {
    if (options.signal?.aborted) throw new AppError('cancelled');
    options.onProgress?.((done += 1), total);
  };

  const incidents: DossierIncident[] = [];
  for (const id of ids) {
    const incident = getIncident(db, id)!;
    const [told] = incidentsForLetter(db, [id], language, texts);
    const evidence: DossierEvidence[] = [];
    for (const record of listEvidence(db, id)) {
      evidence.push(await evidenceFacts(db, record, options.thumbnail));
      if (record.mediaType.startsWith('image/')) step();
    }
    incidents.push({
      ...told!,
      status: incident.status,
      reliability: incident.sources.map((source) => source.reliability as Reliability),
      evidence,
      letters: letterRefs.get(id) ?? [],
      people: peopleOf(db, incident),
    });
    step();
  }

  const figures = dossierFigures(incidents, counterparts);
  const input: DossierInput = {
    language,
    title: composition.title,
    meeting: { with: composition.meeting.with, place: composition.meeting.place, date: composition.meeting.date ?? null },
    classification: composition.classification,
    edition: options.edition ?? null,
    asOf: options.asOf,
    sections: composition.sections,
    notes: composition.notes,
    office: officeLetterhead(readOffice(db), texts),
    counterparts,
    incidents,
    figures,
    charts: dossierCharts(language, incidents, counterparts),
    letters: composition.sections.includes('letters') ? frozenLetters(db, counterparts) : [],
  };
  return { input, missing: texts.missing, unresolved: texts.unresolved(), kept: texts.kept(), notFound };
}

/** Refuses a dossier of more incidents than one may hold (shared/domain/dossier.ts says why), before anything is gathered. */
export function refuseAboveLimit(incidents: number): void {
  if (incidents > DOSSIER_INCIDENT_LIMIT) throw new AppError('dossier-too-large');
}

/**
 * The explicit ids that still exist (in the saved order), or the saved search's hits oldest first. A selection of
 * more than the limit is refused here, first: the search asks for one hit more than the limit to know.
 */
function selectedIncidents(db: Db, composition: DossierComposition): { ids: string[]; notFound: string[] } {
  const { selection } = composition;
  if (selection.kind === 'search') {
    const hits = searchIncidents(db, { ...selection.query, limit: DOSSIER_INCIDENT_LIMIT + 1, offset: 0 });
    refuseAboveLimit(hits.length);
    return { ids: hits.map((hit) => hit.id).sort(byDateThenId(hits)), notFound: [] };
  }
  const unique = [...new Set(selection.incidentIds)];
  refuseAboveLimit(unique.length);
  const found = new Set(unique.filter((id) => incidentExists(db, id)));
  return { ids: [...found], notFound: unique.filter((id) => !found.has(id)) };
}

const byDateThenId = (hits: readonly { id: string; startDate: string }[]) => {
  const dates = new Map(hits.map((hit) => [hit.id, hit.startDate]));
  return (a: string, b: string) => dates.get(a)!.localeCompare(dates.get(b)!) || a.localeCompare(b);
};

/** The people of an incident for the summary's counts; a minor is under 18 on the incident's first day. */
function peopleOf(db: Db, incident: Incident): DossierIncident['people'] {
  return incident.victimIds.flatMap((id) => {
    const person = getPerson(db, id);
    if (!person) return [];
    const count = person.kind === 'group' ? (person.count ?? 1) : 1;
    return [{ id, kind: person.kind, count, codes: person.characteristics, minor: person.kind === 'individual' && isMinorOn(person.birthDate, incident.startDate) }];
  });
}

function isMinorOn(birthDate: string | undefined, day: string): boolean {
  if (!birthDate) return false;
  const eighteenth = `${String(Number(birthDate.slice(0, 4)) + 18).padStart(4, '0')}${birthDate.slice(4)}`;
  return day < eighteenth;
}

/** A file's record with its custody; its bytes checked against the SHA-256 chunk by chunk (a very large one: its last chunk checked); an image scaled if it can be. */
async function evidenceFacts(db: Db, record: EvidenceRecord, thumbnail: MakeThumbnail | undefined): Promise<DossierEvidence> {
  const base = { id: record.id, fileName: record.fileName, mediaType: record.mediaType, size: record.size, sha256: record.sha256, addedBy: record.addedBy, addedAt: record.addedAt };
  const image = record.mediaType.startsWith('image/');
  const wantsPicture = thumbnail !== undefined && image && record.size <= THUMBNAIL_MAX_BYTES;
  // An image too big to read whole for its picture is listed as such.
  const tooLarge = thumbnail !== undefined && image && !wantsPicture ? { unshown: 'too-large' as const } : {};
  if (record.size > HASH_CHECK_MAX_BYTES) return { ...base, thumbnail: null, damaged: !chunksWhole(db, record), ...tooLarge };
  const hash = createHash('sha256');
  const kept: Buffer[] = [];
  let size = 0;
  for (const chunk of fileChunks(db, 'evidence', record.id)) {
    hash.update(chunk);
    size += chunk.length;
    if (wantsPicture) kept.push(chunk);
  }
  const damaged = size !== record.size || hash.digest('hex') !== record.sha256;
  if (damaged) return { ...base, thumbnail: null, damaged };
  if (!wantsPicture) return { ...base, thumbnail: null, damaged, ...tooLarge };
  let made: Awaited<ReturnType<MakeThumbnail>>;
  try {
    made = await thumbnail(Buffer.concat(kept), record.mediaType);
  } catch {
    made = { damaged: true, reason: 'unreadable' };
  }
  // An image that is truncated, undecodable or not what it was filed as: listed with the reason, the build goes on.
  if (made === null) return { ...base, thumbnail: null, damaged: false, unshown: 'unreadable' };
  if ('damaged' in made) return { ...base, thumbnail: null, damaged: false, unshown: made.reason };
  return { ...base, thumbnail: made, damaged: false };
}

/** A file too large to hash at each build is whole when its last chunk is there and no chunk follows it. */
function chunksWhole(db: Db, record: EvidenceRecord): boolean {
  const chunks = Math.ceil(record.size / CHUNK_BYTES);
  return fileChunk(db, 'evidence', record.id, chunks - 1)?.length === record.size - (chunks - 1) * CHUNK_BYTES && !fileChunk(db, 'evidence', record.id, chunks);
}

/** Every registered letter (not annulled) by the incidents it raised, replies included, in date order. */
function lettersByIncident(db: Db): Map<string, DossierLetterRef[]> {
  const letters = lettersOf(db).filter((letter) => !letter.annulled);
  const byId = new Map(letters.map((letter) => [letter.id, letter]));
  const out = new Map<string, DossierLetterRef[]>();
  for (const letter of [...letters].sort((a, b) => a.date.localeCompare(b.date) || a.number.localeCompare(b.number))) {
    const answered = letter.inReplyTo ? byId.get(letter.inReplyTo) : undefined;
    const incidentIds = new Set([...letter.incidentIds, ...(answered?.incidentIds ?? [])]);
    const ref: DossierLetterRef = { id: letter.id, direction: letter.direction, number: letter.number, date: letter.date, counterpartId: letter.counterpartId };
    for (const id of incidentIds) out.set(id, [...(out.get(id) ?? []), ref]);
  }
  return out;
}

/** A counterpart's name in the dossier's language, its ledger and register on `asOf`, each line with its links. */
function counterpartFacts(db: Db, registry: CorrespondenceService, id: string, asOf: string, texts: LetterTexts): DossierCounterpart {
  const counterpart = getCounterpart(db, id);
  if (!counterpart) throw new AppError('not-found', { detail: 'counterpart' });
  const original = counterpart.originalLanguage ?? counterpart.language;
  const institution = texts.field({ entity: 'counterpart', id, context: counterpart.institution }, { ...counterpart, originalLanguage: original }, 'institution');
  const register = registry.register(id, asOf);
  const byId = new Map(register.map((entry) => [entry.letter.id, entry.letter]));
  const entries = register
    .map((entry) => ({
      id: entry.letter.id,
      direction: entry.letter.direction,
      number: entry.letter.number,
      date: entry.letter.date,
      subject: entry.letter.subject,
      state: entry.state,
      daysWaiting: entry.daysWaiting,
      links: (entry.letter.direction === 'outgoing' ? entry.replies : entry.letter.inReplyTo ? [entry.letter.inReplyTo] : []).flatMap((linked) => {
        const letter = byId.get(linked);
        return letter ? [{ number: letter.number, date: letter.date }] : [];
      }),
    }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.number.localeCompare(b.number));
  return { id, institution, country: counterpart.country, ledger: registry.ledger(id, asOf), entries };
}

/** The letterhead: the office's name and address in the dossier's language, listed as missing where absent. */
function officeLetterhead(office: Office, texts: LetterTexts): DossierInput['office'] {
  const writtenIn = (value: Record<Language, string>) => (['ru', 'tg', 'en'] as const).find((language) => value[language].trim() !== '');
  const officeName = writtenIn(office.name);
  const text = (field: string, value: Record<Language, string>) => {
    const original = writtenIn(value);
    return original ? texts.pick({ entity: 'office', id: 'office', field, context: officeName ? office.name[officeName] : '' }, value[texts.language], value[original], original) : '';
  };
  return {
    name: text('name', office.name),
    addressLines: text('address', office.address).split('\n').map((line) => line.trim()).filter(Boolean),
    emblem: office.emblem,
  };
}

/** The frozen Docs of the counterparts' registered outgoing letters drafted here, oldest first. */
function frozenLetters(db: Db, counterparts: readonly DossierCounterpart[]): DossierFrozenLetter[] {
  return counterparts.flatMap((counterpart) =>
    counterpart.entries.flatMap((entry) => {
      if (entry.direction !== 'outgoing' || entry.state === 'annulled') return [];
      const frozen = getLetterDocument(db, entry.id);
      return frozen ? [{ id: entry.id, number: entry.number, date: entry.date, doc: frozen.doc }] : [];
    }),
  );
}
