import { plain, type Doc } from '../document/model.ts';
import type { Language } from '../domain/vault.ts';

export interface RecoverySheetInput {
  recoveryKey: string;
  vaultId: string;
  createdAt: Date;
  language: Language;
}

/** Groups of the key on one line: eight groups print as two lines, so a hand copying them does not lose its place. */
const GROUPS_PER_LINE = 4;

/**
 * The printable recovery sheet as a Doc like any letter, drawn by the same writers (the app saves it as PDF): the
 * title, what the key is for, the key itself in a `key` block, which vault and when, what to do, the warning.
 */
export function recoverySheetDoc(input: RecoverySheetInput): Doc {
  const phrases = recoverySheetPhrases[input.language];
  const groups = input.recoveryKey.split('-');
  const keyLines = Array.from({ length: Math.ceil(groups.length / GROUPS_PER_LINE) }, (_, line) => groups.slice(line * GROUPS_PER_LINE, (line + 1) * GROUPS_PER_LINE).join('-'));
  const created = input.createdAt.toISOString().slice(0, 10);
  return {
    meta: { language: input.language, title: phrases.title, number: null, date: created, classification: null },
    blocks: [
      { kind: 'heading', level: 1, text: phrases.title },
      { kind: 'paragraph', style: 'body', runs: plain(phrases.intro) },
      { kind: 'paragraph', style: 'subject', runs: plain(phrases.keyLabel) },
      { kind: 'key', lines: keyLines },
      { kind: 'paragraph', style: 'reference', runs: plain(`${phrases.vaultLabel}: ${input.vaultId}`) },
      { kind: 'paragraph', style: 'reference', runs: plain(`${phrases.createdLabel}: ${created}`) },
      { kind: 'list', ordered: true, items: phrases.instructions.map(plain) },
      { kind: 'paragraph', style: 'closing', runs: [{ text: phrases.warning, bold: true }] },
    ],
  };
}

/** Wording of the printable recovery sheet, per language. */
export interface RecoverySheetPhrases {
  title: string;
  intro: string;
  keyLabel: string;
  vaultLabel: string;
  createdLabel: string;
  instructions: string[];
  warning: string;
}

export const recoverySheetPhrases: Record<Language, RecoverySheetPhrases> = {
  ru: {
    title: 'Ombuds Dossier — лист восстановления',
    intro: 'Ключ восстановления открывает хранилище, если парольная фраза забыта.',
    keyLabel: 'Ключ восстановления',
    vaultLabel: 'Хранилище',
    createdLabel: 'Создан',
    instructions: [
      'Храните этот лист в запираемом сейфе отдельно от компьютера.',
      'Не фотографируйте его и не храните ключ в электронном виде.',
      'Чтобы восстановить доступ: на экране разблокировки выберите «Забыли парольную фразу?» и введите ключ.',
    ],
    warning: 'Любой, у кого есть этот ключ и файлы хранилища, может прочитать все записи.',
  },
  tg: {
    title: 'Ombuds Dossier — варақаи барқарорсозӣ',
    intro: 'Калиди барқарорсозӣ анборро мекушояд, агар ибораи рамз фаромӯш шуда бошад.',
    keyLabel: 'Калиди барқарорсозӣ',
    vaultLabel: 'Анбор',
    createdLabel: 'Сана',
    instructions: [
      'Ин варақаро дар сейфи қулфшаванда, ҷудо аз компютер нигоҳ доред.',
      'Аз он акс нагиред ва калидро дар шакли электронӣ нигоҳ надоред.',
      'Барои барқарор кардани дастрасӣ: дар экрани кушодан «Ибораи рамзро фаромӯш кардед?»-ро интихоб кунед ва калидро ворид намоед.',
    ],
    warning: 'Ҳар касе, ки ин калид ва файлҳои анборро дорад, ҳамаи сабтҳоро хонда метавонад.',
  },
  en: {
    title: 'Ombuds Dossier — recovery sheet',
    intro: 'The recovery key opens the vault if the passphrase is forgotten.',
    keyLabel: 'Recovery key',
    vaultLabel: 'Vault',
    createdLabel: 'Created',
    instructions: [
      'Keep this sheet in a locked safe, away from the computer.',
      'Do not photograph it or keep the key in electronic form.',
      'To regain access: on the unlock screen choose “Forgot passphrase?” and enter the key.',
    ],
    warning: 'Anyone holding this key and the vault files can read every record.',
  },
};
