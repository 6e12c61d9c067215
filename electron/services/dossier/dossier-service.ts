import { randomUUID } from 'node:crypto';
import { dossierCompositionSchema, type DossierComposition, type DossierEdition, type DossierSummary, type DossierWarning } from '../../../shared/domain/dossier.ts';
import type { MissingText } from '../../../shared/domain/translations.ts';
import type { Language } from '../../../shared/domain/vault.ts';
import { docSchema, type Doc } from '../../../shared/document/model.ts';
import { buildDossier } from '../../../shared/templates/dossier/dossier.ts';
import { AppError } from '../../errors/app-error.ts';
import { appendAudit, audited } from '../../store/audit.ts';
import { checkpointAfterLargeWrite } from '../../store/checkpoint.ts';
import type { Db } from '../../store/open.ts';
import {
  deleteDossier,
  editionCount,
  getDossier,
  getDossierFile,
  getEdition,
  insertEdition,
  insertIncompleteDossierFile,
  listDossiers,
  listEditions,
  nextEditionNumber,
  upsertDossier,
  type DossierFileRecord,
  type DossierFileRole,
} from '../../store/repositories/dossier-repository.ts';
import { incidentsChangedSince } from '../../store/repositories/dossier-changes.ts';
import { inTransaction } from '../../store/transaction.ts';
import { readWhole, storeWithin, streamOut } from '../files/chunked-files.ts';
import { fingerprintOf } from '../letters/letter-registration.ts';
import { dossierFacts, refuseAboveLimit, type MakeThumbnail } from './dossier-facts.ts';
import { renderDossierFiles } from './dossier-render.ts';
import { evidenceThumbnail } from './evidence-thumbnail.ts';

/** What a build gives the window: the Doc, the texts missing in the dossier's language, what it skipped or marked. */
export interface DossierBuild {
  doc: Doc;
  missing: MissingText[];
  warnings: DossierWarning[];
}

export interface BuildControl {
  /** Called after each incident (and each evidence image) is gathered: `done` of `total` steps. */
  onProgress?: (done: number, total: number) => void;
  /** Cancel: checked between incidents; an aborted build throws `cancelled` and has written nothing. */
  signal?: AbortSignal;
}

/** The steps of issuing an edition (tests stop a child process at each): nothing is written before `committed`'s transaction. */
export const issueSteps = ['built', 'rendered', 'stored', 'committed'] as const;
export type IssueStep = (typeof issueSteps)[number];

const MEDIA_TYPES: Record<DossierFileRole, string> = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
/** A copy's title says it is one, in the dossier's own language. */
const COPY_SUFFIX: Record<Language, string> = { ru: ' (копия)', tg: ' (нусха)', en: ' (copy)' };
const TITLE_MAX = 300;

const invalid = (detail: string) => new AppError('invalid-input', { detail });

/**
 * Meeting dossiers (issue 13): saved compositions, built into a Doc from the records as they are now
 * (dossier-facts.ts gathers, shared/templates/dossier builds), and issued as frozen editions — numbered per
 * dossier, the Doc kept with its SHA-256 and its PDF and DOCX encrypted in the store, all in ONE transaction with
 * the audit row, as a letter is registered. An edition never changes; a dossier with editions is never deleted.
 */
export class DossierService {
  private readonly store: () => Db;
  private readonly actor: string;
  private readonly thumbnail: MakeThumbnail;
  private readonly onIssueStep: (step: IssueStep) => void;
  /** The issue running now; the next waits for it, so each takes the number the last one left. */
  private issuing: Promise<unknown> = Promise.resolve();

  constructor(store: () => Db, actor: string, options: { thumbnail?: MakeThumbnail; onIssueStep?: (step: IssueStep) => void } = {}) {
    this.store = store;
    this.actor = actor;
    this.thumbnail = options.thumbnail ?? evidenceThumbnail;
    this.onIssueStep = options.onIssueStep ?? (() => undefined);
  }

  list(): DossierSummary[] {
    return listDossiers(this.store());
  }

  get(id: string): DossierComposition {
    const stored = getDossier(this.store(), id);
    if (!stored) throw new AppError('not-found', { detail: 'dossier' });
    return stored.composition;
  }

  /**
   * Saves a composition, new or changed (an empty selection may be saved; building it is refused). One naming more
   * incidents than a dossier holds is refused (`dossier-too-large`), so it is never saved to fail at every build.
   */
  save(input: unknown): { id: string; created: boolean } {
    const parsed = dossierCompositionSchema.safeParse(input);
    if (!parsed.success) {
      if (parsed.error.issues.some((issue) => issue.code === 'too_big' && issue.path.join('.') === 'selection.incidentIds')) throw new AppError('dossier-too-large');
      throw invalid(parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ').slice(0, 500));
    }
    const composition = parsed.data;
    if (composition.selection.kind === 'incidents') refuseAboveLimit(new Set(composition.selection.incidentIds).size);
    const db = this.store();
    const created = audited(db, (isNew) => ({ actor: this.actor, action: isNew ? 'dossier.create' : 'dossier.save', entity: 'dossier', entityId: composition.id, after: composition }), () => upsertDossier(db, composition));
    return { id: composition.id, created };
  }

  /** A copy for the next meeting: a new id, the title marked as a copy; the editions stay with the original. */
  duplicate(id: string): DossierComposition {
    const original = this.get(id);
    const suffix = COPY_SUFFIX[original.language];
    const copy: DossierComposition = { ...original, id: `dossier-${randomUUID()}`, title: `${original.title.slice(0, TITLE_MAX - suffix.length)}${suffix}` };
    const db = this.store();
    audited(db, () => ({ actor: this.actor, action: 'dossier.duplicate', entity: 'dossier', entityId: copy.id, after: { from: id } }), () => upsertDossier(db, copy));
    return copy;
  }

  /** Deletes a composition never issued; one with editions is kept, so what was handed over can always be shown. */
  delete(id: string): void {
    const db = this.store();
    this.get(id);
    if (editionCount(db, id) > 0) throw new AppError('dossier-has-editions');
    audited(db, () => ({ actor: this.actor, action: 'dossier.delete', entity: 'dossier', entityId: id }), () => deleteDossier(db, id));
  }

  /** Builds the saved dossier as of `asOf` from the records now. Writes nothing. */
  async build(id: string, asOf: string, control: BuildControl = {}): Promise<DossierBuild> {
    const { doc, missing, warnings } = await this.compose(this.get(id), asOf, null, control);
    return { doc, missing, warnings };
  }

  /**
   * Issues the next edition dated `date`: built from the records now (refused while a text is neither translated nor
   * kept in its original), rendered to PDF and DOCX, then ONE transaction writes the edition, its Doc with its SHA-256,
   * both files and the audit row. Issues run one at a time.
   */
  issue(id: string, date: string, control: BuildControl = {}): Promise<DossierEdition> {
    const run = this.issuing.then(() => this.issueNow(id, date, control));
    this.issuing = run.catch(() => undefined);
    return run;
  }

  editions(id: string): DossierEdition[] {
    this.get(id);
    return listEditions(this.store(), id);
  }

  /** The frozen Doc of an edition, checked against its fingerprint. */
  editionDoc(id: string, edition: number): { doc: Doc; sha256: string } {
    const row = getEdition(this.store(), id, edition);
    if (!row) throw new AppError('not-found', { detail: 'dossier edition' });
    if (fingerprintOf(row.doc) !== row.sha256) throw new AppError('evidence-damaged', { detail: 'the frozen dossier does not match its fingerprint' });
    return { doc: row.doc, sha256: row.sha256 };
  }

  /** An edition's PDF or DOCX exactly as kept when it was issued (SHA-256 checked on the way out). */
  file(id: string, edition: number, role: DossierFileRole): { record: DossierFileRecord; bytes: Buffer } {
    const db = this.store();
    const record = this.record(id, edition, role);
    return { record, bytes: readWhole(db, 'dossier-file', record.id, record.sha256) };
  }

  /** Saves a copy where the user chose; it appears only when it matches the SHA-256 taken at issue. Audited. */
  export(id: string, edition: number, role: DossierFileRole, outPath: string): DossierFileRecord {
    const db = this.store();
    const record = this.record(id, edition, role);
    streamOut(db, 'dossier-file', record.id, record.sha256, outPath);
    appendAudit(db, { actor: this.actor, action: 'dossier-file.export', entity: 'dossier-file', entityId: record.id, after: { dossierId: id, edition, role } });
    return record;
  }

  private record(id: string, edition: number, role: DossierFileRole): DossierFileRecord {
    const record = getDossierFile(this.store(), id, edition, role);
    if (!record) throw new AppError('not-found', { detail: `${role} of the dossier edition` });
    return record;
  }

  private async issueNow(id: string, date: string, control: BuildControl): Promise<DossierEdition> {
    const composition = this.get(id);
    const number = nextEditionNumber(this.store(), id);
    const built = await this.compose(composition, date, { number, date }, control);
    if (built.unresolved.length > 0) {
      throw new AppError('translation-missing', { detail: `${built.unresolved.length} text(s) missing in ${composition.language}, first ${built.unresolved[0]}`.slice(0, 500) });
    }
    this.onIssueStep('built');
    // The Doc as the schema reads it back (defaults filled, keys in order), so the fingerprint holds when it is read again.
    const doc = docSchema.parse(built.doc);
    const sha256 = fingerprintOf(doc);
    const files = await renderDossierFiles(doc, sha256);
    this.onIssueStep('rendered');
    // Asked again: the vault may have been locked while the dossier was rendered.
    const db = this.store();
    const issuedAt = new Date().toISOString();
    inTransaction(db, () => {
      // One process holds the store and issues run one at a time, so the number cannot have moved; if it did, undo.
      if (nextEditionNumber(db, id) !== number) throw new AppError('internal', { detail: 'the edition number moved while the dossier was rendered' });
      insertEdition(db, { dossierId: id, edition: number, issuedAt, issuedBy: this.actor, language: composition.language, doc, sha256, pages: files.pages });
      const kept = (['pdf', 'docx'] as const).map((role) => this.keep(db, id, number, role, files[role], issuedAt));
      appendAudit(db, {
        actor: this.actor,
        action: 'dossier.issue',
        entity: 'dossier',
        entityId: id,
        after: { edition: number, sha256, pages: files.pages, files: kept, ...(built.kept.length > 0 ? { keptOriginal: built.kept } : {}) },
      });
      this.onIssueStep('stored');
    });
    checkpointAfterLargeWrite(db); // the edition and its files reach store.db now
    this.onIssueStep('committed');
    return listEditions(db, id).find((edition) => edition.edition === number)!;
  }

  /** Writes one file of the edition inside the issuing transaction. */
  private keep(db: Db, id: string, edition: number, role: DossierFileRole, bytes: Buffer, addedAt: string): { role: DossierFileRole; sha256: string } {
    const record: DossierFileRecord = { id: randomUUID(), dossierId: id, edition, role, fileName: `dossier-${edition}.${role}`, mediaType: MEDIA_TYPES[role], size: bytes.length, sha256: '', addedAt };
    insertIncompleteDossierFile(db, record);
    return { role, sha256: storeWithin(db, 'dossier-file', record.id, bytes) };
  }

  /**
   * The Doc of a composition from the records now. An empty selection (nothing chosen, every chosen incident
   * deleted since, or a saved search that finds none) is refused, and so is one of more incidents than a dossier
   * holds (a saved search that finds more now), before any fact is gathered (dossier-facts.ts); a chosen incident deleted since is skipped with a
   * warning, one changed since is built as it is now with a warning. Progress is reported per step; a lock (the store no longer open) or a cancel stops the build there.
   */
  private async compose(composition: DossierComposition, asOf: string, edition: { number: number; date: string } | null, control: BuildControl) {
    if (composition.selection.kind === 'incidents' && composition.selection.incidentIds.length === 0) throw new AppError('dossier-empty');
    const checkpoint = () => {
      this.store(); // throws vault-locked once the vault was locked mid-build
      if (control.signal?.aborted) throw new AppError('cancelled');
    };
    checkpoint();
    let facts;
    try {
      facts = await dossierFacts(this.store(), composition, {
        asOf,
        edition,
        thumbnail: this.thumbnail,
        ...(control.signal ? { signal: control.signal } : {}),
        onProgress: (done, total) => {
          control.onProgress?.(done, total);
          checkpoint();
        },
      });
    } catch (error) {
      checkpoint(); // a store closed under the build reads as a lock, not as an internal error
      throw error;
    }
    if (facts.input.incidents.length === 0) throw new AppError('dossier-empty');
    const doc = buildDossier(facts.input);
    checkpoint();
    const warnings: DossierWarning[] = [
      ...facts.notFound.map((id) => ({ code: 'incident-deleted' as const, id })),
      // Changed since the composition was saved (the audit log says so): built as it is now; staff check before issuing.
      ...incidentsChangedSince(this.store(), composition.id, facts.input.incidents.map((incident) => incident.id)).map((id) => ({ code: 'incident-changed' as const, id })),
      ...facts.input.incidents.flatMap((incident) => incident.evidence.filter((file) => file.damaged).map((file) => ({ code: 'evidence-damaged' as const, id: file.id }))),
    ];
    return { doc, missing: facts.missing, warnings, unresolved: facts.unresolved, kept: facts.kept };
  }
}
