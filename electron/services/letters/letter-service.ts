import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { Counterpart } from '../../../shared/domain/correspondence.ts';
import { draftRequestSchema, LETTER_DRAFT_FORMAT, letterDraftSchema, type DraftRequest, type LetterDraft } from '../../../shared/domain/letter-draft.ts';
import { EMBLEM_MAX_BYTES, emblemBytesMatch, officeSchema, type Office } from '../../../shared/domain/office.ts';
import type { Language } from '../../../shared/domain/vault.ts';
import type { Doc } from '../../../shared/document/model.ts';
import type { LetterParties, ReplyReceived, UnansweredLetter } from '../../../shared/templates/letters/input.ts';
import { buildLetter } from '../../../shared/templates/letters/letter.ts';
import { AppError } from '../../errors/app-error.ts';
import { appendAudit, audited } from '../../store/audit.ts';
import type { Db } from '../../store/open.ts';
import { getCounterpart, getLetter } from '../../store/repositories/letter-repository.ts';
import { getLetterDocument } from '../../store/repositories/letter-document-repository.ts';
import { listLetterFiles, type LetterFileRecord } from '../../store/repositories/letter-file-repository.ts';
import { readOffice, writeOffice } from '../../store/repositories/office-repository.ts';
import type { CorrespondenceService } from '../correspondence-service.ts';
import { readWhole } from '../files/chunked-files.ts';
import type { LetterFiles } from '../letter-files.ts';
import { getIncident } from '../../store/repositories/incident-repository.ts';
import { incidentsForLetter } from './letter-facts.ts';
import { letterParties } from './letter-parties.ts';
import { LetterTexts, MISSING_PLACEHOLDER } from './letter-texts.ts';
import { withAnnexSheets } from '../../documents/annex-sheets.ts';
import { draftChecks } from './draft-checks.ts';
import { fingerprintOf, registerDraft, type Registered, type RegistrationStep } from './letter-registration.ts';

const invalid = (detail: string) => new AppError('invalid-input', { detail });

/**
 * Official letters: drafted from incidents and the registry by the templates, edited as a Doc, then registered —
 * the next number assigned, the Doc frozen with its SHA-256, and its PDF and DOCX kept encrypted with the letter.
 * A registered letter never changes; a correction is a new letter.
 */
export class LetterService {
  private readonly store: () => Db;
  private readonly registry: CorrespondenceService;
  private readonly files: LetterFiles;
  private readonly actor: string;

  private readonly onStep: (step: RegistrationStep) => void;
  /** The registration running now; the next one starts when it ends, so each reads the number the last one left. */
  private registrations: Promise<unknown> = Promise.resolve();

  constructor(store: () => Db, registry: CorrespondenceService, files: LetterFiles, actor: string, options: { onStep?: (step: RegistrationStep) => void } = {}) {
    this.store = store;
    this.registry = registry;
    this.files = files;
    this.actor = actor;
    this.onStep = options.onStep ?? (() => undefined);
  }

  office(): Office {
    return readOffice(this.store());
  }

  saveOffice(input: unknown): Office {
    const parsed = officeSchema.safeParse(input);
    if (!parsed.success) throw invalid(parsed.error.issues.map((issue) => issue.path.join('.')).join(', ').slice(0, 500));
    const office = parsed.data;
    if (office.emblem) {
      const bytes = Buffer.from(office.emblem.base64, 'base64');
      if (bytes.length > EMBLEM_MAX_BYTES) throw new AppError('invalid-input', { detail: 'emblem: larger than 512 KiB' });
      if (!emblemBytesMatch(office.emblem.mediaType, bytes)) throw invalid('emblem: not a PNG or JPEG image');
    }
    const db = this.store();
    audited(db, () => ({ actor: this.actor, action: 'office.update', entity: 'settings', entityId: 'office', after: office }), () => writeOffice(db, office));
    return office;
  }

  /** The emblem from an image file the user chose: PNG or JPEG by its bytes, at most 512 KiB (checked before reading). */
  emblemFromFile(path: string): { mediaType: 'image/png' | 'image/jpeg'; base64: string } {
    let bytes: Buffer;
    try {
      if (statSync(path).size > EMBLEM_MAX_BYTES) throw invalid('emblem: larger than 512 KiB');
      bytes = readFileSync(path);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('io-error', { detail: 'the emblem file cannot be read', cause: error });
    }
    const mediaType = emblemBytesMatch('image/png', bytes) ? 'image/png' : emblemBytesMatch('image/jpeg', bytes) ? 'image/jpeg' : null;
    if (!mediaType) throw invalid('emblem: not a PNG or JPEG image');
    return { mediaType, base64: bytes.toString('base64') };
  }

  /** A new draft: the template's letter for these incidents and this counterpart, with what a clerk should check. */
  draft(input: DraftRequest, asOf: string): LetterDraft {
    const parsed = draftRequestSchema.safeParse(input);
    if (!parsed.success) throw invalid(parsed.error.issues.map((issue) => issue.path.join('.')).join(', '));
    const request = parsed.data;
    const db = this.store();
    const counterpart = getCounterpart(db, request.counterpartId);
    if (!counterpart) throw new AppError('not-found', { detail: 'counterpart' });
    if (request.kind !== 'follow-up' && request.incidentIds.length === 0) throw invalid('incidentIds: choose at least one incident');
    const warnings: LetterDraft['warnings'] = [];
    // Every record text in the letter's language; what is missing is listed and shown as such (letter-texts.ts).
    const texts = new LetterTexts(request.language, request.keepOriginal);
    const { parties, warnings: partyWarnings } = this.parties(counterpart, request.signatoryId, texts);
    warnings.push(...partyWarnings);
    const unanswered = request.kind === 'follow-up' ? this.unanswered(counterpart.id, asOf, request.language, texts) : [];
    if (request.kind === 'follow-up' && unanswered.length === 0) warnings.push('no-unanswered-letters');
    const checks = draftChecks(db, request, counterpart);
    warnings.push(...checks.warnings);
    // The annex mark gets the annex's real sheet count from the layout of the draft's PDF.
    const doc = withAnnexSheets(buildLetter({
      ...parties,
      kind: request.kind,
      language: request.language,
      incidents: incidentsForLetter(db, request.incidentIds, request.language, texts),
      unanswered,
      replies: request.kind === 'follow-up' ? this.replies(counterpart.id, asOf) : [],
      inReplyTo: this.answered(counterpart, request.inReplyTo),
      number: null,
      date: null,
      revealWithheld: request.revealWithheld,
      treaties: checks.treaties,
    }));
    const id = `letter-${randomUUID()}`;
    checks.audit(db, this.actor, id);
    if (request.revealWithheld) {
      warnings.push('identities-revealed');
      appendAudit(db, { actor: this.actor, action: 'letter.reveal-withheld', entity: 'letter-draft', entityId: id, after: { incidentIds: request.incidentIds } });
    }
    if (texts.kept().length > 0) {
      appendAudit(db, { actor: this.actor, action: 'letter.keep-original', entity: 'letter-draft', entityId: id, after: { kept: texts.kept() } });
    }
    return { format: LETTER_DRAFT_FORMAT, id, request, doc, warnings, missing: texts.missing, asOf };
  }

  /**
   * Registers a draft as an outgoing letter dated `date`: the next number, the Doc stamped with it and frozen, the
   * PDF and DOCX kept with the letter, all in one transaction (see registerDraft). The draft's id is the letter's, so
   * the same draft registered twice keeps its one number. Registrations run one at a time.
   */
  register(input: unknown, date: string): Promise<Registered> {
    const parsed = letterDraftSchema.safeParse(input);
    if (!parsed.success) return Promise.reject(invalid(`draft: ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ').slice(0, 400)}`));
    const draft = parsed.data;
    try {
      this.refuseMissingTexts(draft);
    } catch (error) {
      return Promise.reject(error);
    }
    const deps = { store: this.store, registry: this.registry, files: this.files, actor: this.actor, onStep: this.onStep };
    const run = this.registrations.then(() => registerDraft(deps, draft, date));
    this.registrations = run.catch(() => undefined);
    return run;
  }

  /**
   * A letter goes out wholly in its language: registering is refused while a text it needs is missing in that
   * language and not deliberately kept in its original (recomputed from the records now), or while the Doc still
   * shows a missing-text placeholder (a draft made before the translations were saved: draft it again). A draft
   * already registered is let through, so registering it again gives its number back as before.
   */
  private refuseMissingTexts(draft: LetterDraft): void {
    if (getLetterDocument(this.store(), draft.id)) return;
    const open = this.textsOf(draft.request, draft.asOf).unresolved();
    if (open.length > 0) throw new AppError('translation-missing', { detail: `${open.length} text(s) missing in ${draft.request.language}, first ${open[0]}`.slice(0, 500) });
    if (JSON.stringify(draft.doc).includes(MISSING_PLACEHOLDER[draft.request.language])) {
      throw new AppError('translation-missing', { detail: 'the text still shows a missing-translation placeholder: draft the letter again' });
    }
  }

  /** The frozen Doc of a registered letter, checked against its fingerprint. */
  document(letterId: string): { doc: Doc; sha256: string } {
    const frozen = getLetterDocument(this.store(), letterId);
    if (!frozen) throw new AppError('not-found', { detail: 'letter document' });
    if (fingerprintOf(frozen.doc) !== frozen.sha256) throw new AppError('evidence-damaged', { detail: 'the frozen letter does not match its fingerprint' });
    return frozen;
  }

  /** The registered PDF or DOCX of a letter, as kept at registration (SHA-256 checked). */
  file(letterId: string, format: 'pdf' | 'docx'): { record: LetterFileRecord; bytes: Buffer } {
    const db = this.store();
    const record = listLetterFiles(db, letterId).find((file) => file.role === format);
    if (!record) throw new AppError('not-found', { detail: `${format} of the letter` });
    return { record, bytes: readWhole(db, 'letter-file', record.id, record.sha256) };
  }

  /** The letterhead, addressee, signatory and executor in the letter's language (letter-parties.ts), and what had to be derived. */
  private parties(counterpart: Counterpart, signatoryId: string | undefined, texts: LetterTexts): { parties: LetterParties; warnings: LetterDraft['warnings'] } {
    return letterParties(this.office(), counterpart, signatoryId, texts);
  }

  /**
   * The texts a letter for this request needs from the records, gathered again from the records as they are now
   * (never from a draft's own list): what registration checks.
   */
  private textsOf(request: LetterDraft['request'], asOf: string): LetterTexts {
    const db = this.store();
    const counterpart = getCounterpart(db, request.counterpartId);
    if (!counterpart) throw new AppError('not-found', { detail: 'counterpart' });
    const texts = new LetterTexts(request.language, request.keepOriginal);
    this.parties(counterpart, request.signatoryId, texts);
    if (request.kind === 'follow-up') this.unanswered(counterpart.id, asOf, request.language, texts);
    incidentsForLetter(db, request.incidentIds, request.language, texts);
    return texts;
  }

  /** Every earlier letter to the counterpart (before `asOf`) still waiting for an answer, oldest first, with the cases it raised. */
  private unanswered(counterpartId: string, asOf: string, language: Language, texts: LetterTexts): UnansweredLetter[] {
    const db = this.store();
    return this.registry
      .register(counterpartId, asOf)
      // Earlier letters: one sent today has not had a day to be answered.
      .filter((entry) => entry.letter.direction === 'outgoing' && (entry.state === 'overdue' || entry.state === 'waiting') && entry.letter.date < asOf)
      .map((entry) => ({
        number: entry.letter.number,
        date: entry.letter.date,
        subject: entry.letter.subject,
        daysWaiting: entry.daysWaiting ?? 0,
        incidents: incidentsForLetter(db, entry.letter.incidentIds.filter((id) => getIncident(db, id)), language, texts).map(({ id, title, startDate, endDate, datePrecision, place }) => ({ id, title, startDate, endDate, datePrecision, place })),
      }));
  }

  /**
   * The formal replies received from the counterpart by `asOf` (incoming letters that answer one of ours or carry a
   * response code; annulled ones left out), oldest first, with what they said and which of our letters they answer.
   */
  private replies(counterpartId: string, asOf: string): ReplyReceived[] {
    const entries = this.registry.register(counterpartId, asOf);
    const ours = new Map(entries.filter((entry) => entry.letter.direction === 'outgoing').map((entry) => [entry.letter.id, entry.letter]));
    return entries
      .filter((entry) => entry.state === 'received' && entry.letter.date <= asOf && (entry.letter.inReplyTo !== undefined || entry.letter.response !== undefined))
      .map(({ letter }) => {
        const answers = letter.inReplyTo ? ours.get(letter.inReplyTo) : undefined;
        return { number: letter.number, date: letter.date, response: letter.response ?? null, answers: answers ? { number: answers.number, date: answers.date } : null };
      })
      .sort((a, b) => a.date.localeCompare(b.date));
  }

  private answered(counterpart: Counterpart, letterId: string | undefined): { number: string; date: string } | null {
    if (!letterId) return null;
    const letter = getLetter(this.store(), letterId);
    if (!letter) throw new AppError('not-found', { detail: 'the letter answered' });
    if (letter.direction !== 'incoming' || letter.counterpartId !== counterpart.id) throw invalid('inReplyTo: not a letter received from this counterpart');
    return { number: letter.number, date: letter.date };
  }
}
