import { createHash } from 'node:crypto';
import type { Counterpart, Letter } from '../../../shared/domain/correspondence.ts';
import type { LetterDraft } from '../../../shared/domain/letter-draft.ts';
import { runsText, type Doc } from '../../../shared/document/model.ts';
import { registeredDoc } from '../../documents/annex-sheets.ts';
import { renderDocx } from '../../documents/docx-writer.ts';
import { renderPdf } from '../../documents/pdf-writer.ts';
import { AppError } from '../../errors/app-error.ts';
import { appendAudit } from '../../store/audit.ts';
import { checkpointAfterLargeWrite } from '../../store/checkpoint.ts';
import type { Db } from '../../store/open.ts';
import { getIncident } from '../../store/repositories/incident-repository.ts';
import { getLetterDocument, insertLetterDocument, type LetterDocument } from '../../store/repositories/letter-document-repository.ts';
import { getCounterpart, getLetter } from '../../store/repositories/letter-repository.ts';
import { inTransaction } from '../../store/transaction.ts';
import type { CorrespondenceService } from '../correspondence-service.ts';
import type { LetterFiles } from '../letter-files.ts';

/**
 * The steps of registering a drafted letter, in order. Nothing is written before `number-taken`, and everything
 * from `number-taken` to `doc-frozen` is one transaction, so a process killed at any step leaves either no trace
 * (the number still free) or the whole letter. Tests kill a child process at each step to prove it.
 */
export const registrationSteps = ['checked', 'number-peeked', 'pdf-rendered', 'docx-rendered', 'number-taken', 'pdf-stored', 'docx-stored', 'doc-frozen', 'committed'] as const;
export type RegistrationStep = (typeof registrationSteps)[number];

export interface Registered {
  letter: Letter;
  fingerprint: string;
  created: boolean;
}

export interface RegistrationDeps {
  store: () => Db;
  registry: CorrespondenceService;
  files: LetterFiles;
  actor: string;
  /** Called as each step is reached (tests use it to stop the process there); does nothing in the app. */
  onStep: (step: RegistrationStep) => void;
}

/** How often a registration renders again when, while it rendered, another letter took the number it was given. */
const MAX_ATTEMPTS = 3;

const invalid = (detail: string) => new AppError('invalid-input', { detail });
/** The fingerprint of a frozen letter: SHA-256 of its Doc as JSON (key order fixed by the schema). */
export const fingerprintOf = (doc: Doc) => createHash('sha256').update(JSON.stringify(doc)).digest('hex');
const fileStem = (number: string) => number.replace(/[^\p{L}\p{N}._-]+/gu, '-');

/** What registering the draft means now: nothing (it is registered), or taking `number` dated `date`. */
type Plan = { kind: 'registered'; result: Registered } | { kind: 'to-register'; number: string; date: string; existing: Letter | undefined; counterpart: Counterpart };

function plan(db: Db, registry: CorrespondenceService, draft: LetterDraft, date: string): Plan {
  const existing = getLetter(db, draft.id);
  if (existing && existing.direction !== 'outgoing') throw invalid('draft id belongs to an incoming letter');
  const frozen = getLetterDocument(db, draft.id);
  if (existing && frozen) return { kind: 'registered', result: alreadyRegistered(existing, frozen, draft) };
  const counterpart = getCounterpart(db, draft.request.counterpartId);
  if (!counterpart) throw new AppError('not-found', { detail: 'counterpart' });
  for (const incidentId of draft.request.incidentIds) if (!getIncident(db, incidentId)) throw new AppError('not-found', { detail: `incident ${incidentId}` });
  // A letter that a version before this one numbered but never froze keeps its number and date.
  if (existing) return { kind: 'to-register', number: existing.number, date: existing.date, existing, counterpart };
  return { kind: 'to-register', number: registry.nextOutgoingNumber(draft.id, date), date, existing, counterpart };
}

/** The same draft sent again gets its one number back; the same id with another text is refused, never merged. */
function alreadyRegistered(letter: Letter, frozen: LetterDocument, draft: LetterDraft): Registered {
  if (fingerprintOf(registeredDoc(draft.doc, letter.number, letter.date)) !== frozen.sha256) {
    throw invalid('draft: already registered with another text; a registered letter never changes, so draft a new letter');
  }
  return { letter, fingerprint: frozen.sha256, created: false };
}

/**
 * Registers a draft as an outgoing letter dated `date`. The number must be stamped into the Doc before its PDF and
 * DOCX can be rendered, and the writers are asynchronous, so the number is first read without being taken, the
 * files rendered with it, and then ONE transaction checks it is still the next, takes it, and writes the letter,
 * both files and the frozen Doc. Another letter can take that number meanwhile only in this process (the store is
 * held by one process under an exclusive lock, and LetterService runs registrations one at a time), e.g. a letter
 * registered by hand in the registry; then the check sees it and the letter is rendered again with the new number.
 */
export async function registerDraft(deps: RegistrationDeps, draft: LetterDraft, date: string): Promise<Registered> {
  const { registry, files, actor, onStep } = deps;
  let planned = plan(deps.store(), registry, draft, date);
  onStep('checked');
  for (let attempt = 1; planned.kind === 'to-register'; attempt += 1) {
    const { number, date: on, counterpart, existing } = planned;
    onStep('number-peeked');
    // Staff may have edited the draft: the annex's sheets are counted again on the registered text.
    const doc = registeredDoc(draft.doc, number, on);
    const fingerprint = fingerprintOf(doc);
    const pdf = await renderPdf(doc);
    onStep('pdf-rendered');
    const docx = await renderDocx(doc, fingerprint);
    onStep('docx-rendered');
    // Asked again: the vault may have been locked or restored while the letter was rendered.
    const db = deps.store();
    const outcome = inTransaction(db, (): Plan | Registered => {
      const now = plan(db, registry, draft, date);
      const unchanged = now.kind === 'to-register' && now.number === number && now.date === on && now.existing?.id === existing?.id;
      if (!unchanged) return now;
      const subject = runsText(doc.blocks.flatMap((block) => (block.kind === 'paragraph' && block.style === 'subject' ? block.runs : []))).trim() || doc.meta.title;
      const letter =
        existing ??
        registry.registerOutgoing({
          id: draft.id,
          date,
          counterpartId: counterpart.id,
          subject: subject.slice(0, 1000),
          incidentIds: draft.request.incidentIds,
          ...(draft.request.inReplyTo ? { inReplyTo: draft.request.inReplyTo } : {}),
          deliveryChannel: counterpart.deliveryChannel,
        });
      // The same walk over the sequence in the same transaction: a difference would be a bug, and undoes everything.
      if (letter.number !== number) throw new AppError('internal', { detail: 'the number taken is not the one stamped' });
      onStep('number-taken');
      if (existing) files.discardUnfrozen(letter.id);
      files.keep(letter.id, 'pdf', `${fileStem(number)}.pdf`, pdf);
      onStep('pdf-stored');
      files.keep(letter.id, 'docx', `${fileStem(number)}.docx`, docx);
      onStep('docx-stored');
      insertLetterDocument(db, { letterId: letter.id, kind: draft.request.kind, language: doc.meta.language, doc, sha256: fingerprint });
      appendAudit(db, { actor, action: 'letter.freeze', entity: 'letter', entityId: letter.id, after: { sha256: fingerprint, revealWithheld: draft.request.revealWithheld, ...(draft.request.keepOriginal.length > 0 ? { keptOriginal: draft.request.keepOriginal } : {}) } });
      onStep('doc-frozen');
      return { letter, fingerprint, created: !existing };
    });
    if (!('kind' in outcome)) {
      checkpointAfterLargeWrite(db); // the letter and its files reach store.db now, not at SQLite's next checkpoint
      onStep('committed');
      return outcome;
    }
    if (outcome.kind === 'registered') return outcome.result;
    if (attempt >= MAX_ATTEMPTS) throw new AppError('store-in-use', { detail: 'other letters kept taking the next number; register again' });
    planned = outcome;
  }
  return planned.result;
}
