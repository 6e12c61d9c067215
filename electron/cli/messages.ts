import { DOSSIER_INCIDENT_LIMIT } from '../../shared/domain/dossier.ts';
import type { ErrorCode } from '../../shared/ipc/result.ts';
import { printable } from './printable.ts';

/** Exit codes, documented in the README. Grouped so scripts can tell "try another secret" from "damaged". */
export const EXIT = {
  ok: 0,
  usage: 64,
  wrongSecret: 2,
  notFound: 3,
  damaged: 4,
  inUse: 5,
  backupRefused: 6,
  io: 7,
  newerVersion: 8,
  verifyFailed: 9,
  importRejected: 10,
  translationMissing: 11,
  internal: 70,
} as const;

const exitByCode: Record<ErrorCode, number> = {
  'invalid-input': EXIT.usage,
  cancelled: EXIT.usage,
  'weak-passphrase': EXIT.usage,
  'vault-exists': EXIT.usage,
  'vault-not-found': EXIT.notFound,
  'vault-locked': EXIT.internal,
  'wrong-passphrase': EXIT.wrongSecret,
  'wrong-recovery-key': EXIT.wrongSecret,
  'too-many-attempts': EXIT.wrongSecret,
  'envelope-missing': EXIT.damaged,
  'envelope-damaged': EXIT.damaged,
  'store-damaged': EXIT.damaged,
  'store-newer-version': EXIT.newerVersion,
  'store-in-use': EXIT.inUse,
  'vault-permissions': EXIT.io,
  'backup-invalid': EXIT.backupRefused,
  'backup-damaged': EXIT.backupRefused,
  'disk-full': EXIT.io,
  'read-only': EXIT.io,
  'io-error': EXIT.io,
  'import-invalid': EXIT.importRejected,
  'import-encoding': EXIT.importRejected,
  'import-too-large': EXIT.importRejected,
  'import-crashed': EXIT.importRejected,
  'import-would-empty': EXIT.importRejected,
  'not-found': EXIT.notFound,
  'evidence-too-large': EXIT.usage,
  'image-too-large': EXIT.usage,
  'image-unreadable': EXIT.usage,
  'evidence-damaged': EXIT.damaged,
  'office-incomplete': EXIT.usage,
  'translation-missing': EXIT.translationMissing,
  'dossier-empty': EXIT.usage,
  'dossier-too-large': EXIT.usage,
  'dossier-has-editions': EXIT.usage,
  internal: EXIT.internal,
};

const messageByCode: Record<ErrorCode, string> = {
  'invalid-input': 'invalid input',
  cancelled: 'cancelled',
  'weak-passphrase': 'the new passphrase is too weak: use at least 10 characters and more than a few different ones',
  'vault-exists': 'a vault already exists in this folder',
  'vault-not-found': 'no vault in this folder (run init first)',
  'vault-locked': 'the vault is locked',
  'wrong-passphrase': 'wrong passphrase; the vault was not changed (sure it is right? then vault.json may be damaged: use the recovery key)',
  'wrong-recovery-key': 'wrong recovery key; the vault was not changed',
  'too-many-attempts': 'too many failed attempts; wait and try again',
  'envelope-missing': 'vault.json (the key envelope) is missing — restore from backup',
  'envelope-damaged': 'vault.json (the key envelope) is damaged — restore from backup',
  'store-damaged': 'store damaged — restore from backup; nothing was deleted',
  'store-newer-version': 'the store was written by a newer version of Ombuds Dossier; update the app',
  'store-in-use': 'the store is open in another process (the app or another command); close it and retry',
  'vault-permissions': 'the vault folder is open to other users and its permissions cannot be tightened (see the detail); make every file 0600 and every folder 0700 as its owner — nothing was opened',
  'backup-invalid': 'this file is not an Ombuds Dossier backup; nothing was replaced',
  'backup-damaged': 'the backup is damaged; nothing was replaced',
  'disk-full': 'the disk is full; no partial file was left',
  'read-only': 'the target is read-only or not writable; no partial file was left',
  'io-error': 'a file could not be read or written',
  'import-invalid': 'the file has problems; nothing was imported',
  'import-encoding': 'the file is not UTF-8; give its encoding with --encoding (e.g. windows-1251), or save a JSON file as UTF-8; nothing was imported',
  'import-too-large': 'the file is too large or too compressed to open safely; nothing was imported',
  'import-crashed': 'reading the file needed more memory than an import may use, or the reader stopped; nothing was imported',
  'import-would-empty': 'blank cells would empty stored values (listed above); nothing was imported — fill them, leave the column out, or give --allow-empty',
  'not-found': 'no such record',
  'evidence-too-large': 'the file is larger than the evidence size limit; nothing was stored',
  'image-too-large': 'the image has more pixels than allowed; nothing was stored',
  'image-unreadable': 'the image\'s size in pixels cannot be read from the file; nothing was stored',
  'evidence-damaged': 'the stored evidence no longer matches its fingerprint; nothing was written',
  'office-incomplete': 'the office settings lack what a letter needs (set them with the office command or in Settings → Letters)',
  'translation-missing': "texts are missing in the letter's language (letter draft lists them): translate each with the translate command, or keep the original of each deliberately (the draft's request.keepOriginal)",
  'dossier-empty': 'the dossier selects no incidents (none chosen, or its saved search finds none); nothing was built',
  'dossier-too-large': `a dossier holds at most ${DOSSIER_INCIDENT_LIMIT} incidents: choose fewer, or narrow its saved search (by period or place); nothing was saved or built`,
  'dossier-has-editions': 'the dossier has issued editions and is never deleted (duplicate it for the next meeting instead)',
  internal: 'unexpected internal error',
};

export const exitCodeFor = (code: ErrorCode) => exitByCode[code];

/** One line for stderr: the message and, when it helps, the detail (escaped: it may name a path or a header from a file). */
export function errorLine(code: ErrorCode, detail?: string): string {
  const extra = detail && !['wrong-passphrase', 'wrong-recovery-key'].includes(code) ? ` (${printable(detail)})` : '';
  return `ombuds: ${messageByCode[code]}${extra}`;
}
