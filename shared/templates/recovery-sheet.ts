import type { Language } from '../domain/vault.ts';

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
