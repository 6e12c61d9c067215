import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { addresseeDefaults } from '../../../shared/domain/addressee.ts';
import type { Counterpart } from '../../../shared/domain/correspondence.ts';
import { draftRequestSchema, LETTER_DRAFT_FORMAT, letterDraftSchema, type DraftRequest, type LetterDraft } from '../../../shared/domain/letter-draft.ts';
import { EMBLEM_MAX_BYTES, emblemBytesMatch, inLanguage, officeSchema, type Office } from '../../../shared/domain/office.ts';
import type { Language } from '../../../shared/domain/vault.ts';
import type { Doc } from '../../../shared/document/model.ts';
import type { LetterParties, UnansweredLetter } from '../../../shared/templates/letters/input.ts';
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
    const { parties, warnings: partyWarnings } = this.parties(counterpart, request.language, request.signatoryId);
    warnings.push(...partyWarnings);
    const unanswered = request.kind === 'follow-up' ? this.unanswered(counterpart.id, asOf, request.language) : [];
    if (request.kind === 'follow-up' && unanswered.length === 0) warnings.push('no-unanswered-letters');
    const checks = draftChecks(db, request, counterpart);
    warnings.push(...checks.warnings);
    const doc = buildLetter({
      ...parties,
      kind: request.kind,
      language: request.language,
      incidents: incidentsForLetter(db, request.incidentIds, request.language),
      unanswered,
      inReplyTo: this.answered(counterpart, request.inReplyTo),
      number: null,
      date: null,
      revealWithheld: request.revealWithheld,
      treaties: checks.treaties,
    });
    const id = `letter-${randomUUID()}`;
    checks.audit(db, this.actor, id);
    if (request.revealWithheld) {
      warnings.push('identities-revealed');
      appendAudit(db, { actor: this.actor, action: 'letter.reveal-withheld', entity: 'letter-draft', entityId: id, after: { incidentIds: request.incidentIds } });
    }
    return { format: LETTER_DRAFT_FORMAT, id, request, doc, warnings, missing: [], asOf };
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
    const deps = { store: this.store, registry: this.registry, files: this.files, actor: this.actor, onStep: this.onStep };
    const run = this.registrations.then(() => registerDraft(deps, draft, date));
    this.registrations = run.catch(() => undefined);
    return run;
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

  /** The letterhead, addressee, signatory and executor in the letter's language, and what had to be derived. */
  private parties(counterpart: Counterpart, language: Language, signatoryId: string | undefined): { parties: LetterParties; warnings: LetterDraft['warnings'] } {
    const office = this.office();
    const warnings: LetterDraft['warnings'] = [];
    const signatory = signatoryId ? office.signatories.find((s) => s.id === signatoryId) : office.signatories[0];
    if (!signatory) throw new AppError('office-incomplete', { detail: signatoryId ? `no signatory "${signatoryId}"` : 'no signatory: add one in Settings → Letters' });
    // The counterpart's own addressee block and salutation are in its language; for another language they are
    // derived, and the clerk is told to check them.
    const own = counterpart.language === language && counterpart.addresseeDative;
    const derived = addresseeDefaults({ ...counterpart, language });
    if (!own) warnings.push('addressee-derived');
    if (!office.executor) warnings.push('no-executor');
    return {
      warnings,
      parties: {
        office: { name: inLanguage(office.name, language), addressLines: inLanguage(office.address, language).split('\n').map((line) => line.trim()).filter(Boolean), emblem: office.emblem },
        counterpart: {
          institution: counterpart.institution,
          addresseeLines: (own ? counterpart.addresseeDative! : derived.addresseeDative).split('\n').filter((line) => line.trim()),
          salutation: (own ? counterpart.salutation : undefined) ?? derived.salutation ?? '',
          country: counterpart.country,
          replyDays: counterpart.replyTerm.days,
        },
        signatory: { position: inLanguage(signatory.position, language), name: inLanguage(signatory.name, language) },
        executor: office.executor && inLanguage(office.executor.name, language) ? { name: inLanguage(office.executor.name, language), phone: office.executor.phone } : null,
      },
    };
  }

  /** Every earlier letter to the counterpart (before `asOf`) still waiting for an answer, oldest first, with what it raised. */
  private unanswered(counterpartId: string, asOf: string, language: Language): UnansweredLetter[] {
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
        incidentTitles: incidentsForLetter(db, entry.letter.incidentIds.filter((id) => getIncident(db, id)), language).map((incident) => incident.title),
      }));
  }

  private answered(counterpart: Counterpart, letterId: string | undefined): { number: string; date: string } | null {
    if (!letterId) return null;
    const letter = getLetter(this.store(), letterId);
    if (!letter) throw new AppError('not-found', { detail: 'the letter answered' });
    if (letter.direction !== 'incoming' || letter.counterpartId !== counterpart.id) throw invalid('inReplyTo: not a letter received from this counterpart');
    return { number: letter.number, date: letter.date };
  }
}
