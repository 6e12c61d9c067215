import { userInfo } from 'node:os';
import { AppError } from '../../errors/app-error.ts';
import {
  backupVault,
  changeVaultPassphrase,
  emergencyDataKey,
  initVault,
  recoverWithKey,
  restoreVault,
  setAsideWalCopy,
  unlockVault,
  verifyVault,
  type OpenVault,
  type PermissionFix,
  type UnlockHooks,
} from '../../services/vault-service.ts';
import { throttledAttempt } from '../attempts-file.ts';
import { EXIT } from '../messages.ts';
import { printableJson } from '../printable.ts';
import { verifyLine } from '../verify-line.ts';
import { newPassphrase, passphrase } from '../secrets.ts';

export interface CommandOptions {
  store: string;
  /** Arguments after the command name (a file to import, search words). */
  positionals: string[];
  passphraseFile?: string;
  newPassphraseFile?: string;
  recoveryKey?: string;
  out?: string;
  from?: string;
  to?: string;
  types?: string[];
  json?: boolean;
  /** import: a JSON column mapping, "import valid rows only", the CSV encoding. */
  mapping?: string;
  validOnly?: boolean;
  /** import: blank cells may empty stored values (otherwise such an import is refused, the cells listed). */
  allowEmpty?: boolean;
  encoding?: string;
  /** import: the spreadsheet is a register of letters, not incidents. */
  register?: boolean;
  /** letter draft: kind, language, incidents (comma-separated ids), their letter answered, signatory, reveal withheld identities. */
  kind?: string;
  lang?: string;
  incidents?: string;
  inReplyTo?: string;
  signatory?: string;
  revealWithheld?: boolean;
  /** letter draft: treaties to cite although the counterpart's state is not a party to them (deliberate, audited). */
  citeNonParty?: string;
  /** letter draft: missing texts (their keys, as the draft lists them) printed in their original, deliberately. */
  keepOriginal?: string[];
  /** translate: which record's text, in which language (--lang), and the text. */
  entity?: string;
  id?: string;
  field?: string;
  text?: string;
  /** letter register: the draft file and the registration date; letter export: number, year, format. */
  draft?: string;
  date?: string;
  number?: string;
  year?: string;
  format?: string;
  /** office: settings from a JSON file; the emblem image. */
  set?: string;
  emblem?: string;
  /** evidence: the incident the files belong to. */
  incident?: string;
  /** letters, ledger: one counterpart; only overdue letters; the day the state is computed for (default today). */
  counterpart?: string;
  overdue?: boolean;
  asOf?: string;
  /** dossier build|issue|export: which dossier, and which of its editions. */
  dossier?: string;
  edition?: string;
}

export interface Output {
  out(line: string): void;
}

export const actor = () => `cli:${userInfo().username}`;

function required<K extends keyof CommandOptions>(options: CommandOptions, key: K, flag: string): NonNullable<CommandOptions[K]> {
  const value = options[key];
  if (value === undefined || value === '') throw new AppError('invalid-input', { detail: `missing --${flag}` });
  return value as NonNullable<CommandOptions[K]>;
}

/** Every open tightens what was open to other users; the CLI says so on stderr (names only, no case data). */
const warnings: UnlockHooks = {
  onPermissionsTightened(fixes: PermissionFix[]) {
    const list = fixes.map((fix) => `${fix.path} (was ${fix.was})`).join(', ');
    process.stderr.write(`ombuds: warning: the vault was open to other users; made private: ${list}\n`);
  },
};

/** Reads a secret as bytes, runs `use` with it and zeroes it, whatever happens. */
async function withSecret<T>(read: Promise<Buffer>, use: (secret: Buffer) => Promise<T> | T): Promise<T> {
  const secret = await read;
  try {
    return await use(secret);
  } finally {
    secret.fill(0);
  }
}

/** Unlocks under the persisted growing-delay throttle: a waiting caller is refused before being asked. */
const unlockWithPassphrase = (options: CommandOptions) =>
  throttledAttempt(options.store, () => withSecret(passphrase(options.passphraseFile), (secret) => unlockVault(options.store, secret, warnings)));

/** While a damaged WAL set aside at an open is kept (store/wal-check.ts), every command says so on stderr; verify fails. */
function warnOfSetAsideWal(vault: OpenVault): void {
  const copy = setAsideWalCopy(vault);
  if (copy) process.stderr.write(`ombuds: warning: a damaged write-ahead log was set aside as ${copy}; recent changes may be missing (see verify and README, Security)\n`);
}

export async function withVault<T>(options: CommandOptions, use: (vault: OpenVault) => Promise<T> | T): Promise<T> {
  const vault = await unlockWithPassphrase(options);
  warnOfSetAsideWal(vault);
  try {
    return await use(vault);
  } finally {
    vault.close();
  }
}

export type Command = (options: CommandOptions, io: Output) => Promise<number>;

export const vaultCommands: Record<string, Command> = {
  async init(options, io) {
    const { vault, recoveryKey } = await withSecret(passphrase(options.passphraseFile), (secret) => initVault(options.store, secret, actor()));
    vault.close();
    io.out('Vault created. Recovery key (shown once — write it down and keep it in a safe place):');
    io.out(recoveryKey);
    return EXIT.ok;
  },

  async 'unlock-check'(options, io) {
    await withVault(options, () => undefined);
    io.out('ok: the passphrase opens the vault');
    return EXIT.ok;
  },

  async 'change-passphrase'(options, io) {
    await throttledAttempt(options.store, () =>
      withSecret(passphrase(options.passphraseFile), (current) =>
        withSecret(newPassphrase(options.newPassphraseFile), (next) => changeVaultPassphrase(options.store, current, next, actor(), warnings)),
      ),
    );
    io.out('Passphrase changed.');
    return EXIT.ok;
  },

  async recover(options, io) {
    const key = required(options, 'recoveryKey', 'recovery-key');
    await throttledAttempt(options.store, () =>
      withSecret(newPassphrase(options.newPassphraseFile), (next) => recoverWithKey(options.store, key, next, actor(), warnings)),
    );
    io.out('Recovered: the new passphrase is set.');
    return EXIT.ok;
  },

  async backup(options, io) {
    const out = required(options, 'out', 'out');
    const { bytes } = await withVault(options, (vault) => backupVault(vault, out, actor()));
    io.out(`Backup written and verified: ${out} (${bytes} bytes)`);
    return EXIT.ok;
  },

  async restore(options, io) {
    const from = required(options, 'from', 'from');
    await throttledAttempt(options.store, () => withSecret(passphrase(options.passphraseFile), (secret) => restoreVault(options.store, from, secret, actor())));
    io.out('Restored and verified. Unlock with the passphrase that was valid when the backup was made.');
    return EXIT.ok;
  },

  async verify(options, io) {
    const report = await withVault(options, (vault) => verifyVault(vault));
    // One line, as the README promises: `ok: …` on stdout, or the error line on stderr naming the failing checks.
    // --json gives every check with its detail.
    if (options.json) io.out(printableJson(report));
    if (!report.ok) {
      // A damaged recovery slot lives in vault.json, not in the store: say which file to restore.
      const envelopeOnly = report.checks.every((check) => check.ok || check.name === 'recovery-slot');
      throw new AppError(envelopeOnly ? 'envelope-damaged' : 'store-damaged', { detail: verifyLine(report) });
    }
    if (!options.json) io.out(verifyLine(report));
    return EXIT.ok;
  },

  async 'emergency-key'(options, io) {
    const key = required(options, 'recoveryKey', 'recovery-key');
    io.out(await throttledAttempt(options.store, () => emergencyDataKey(options.store, key)));
    return EXIT.ok;
  },
};
