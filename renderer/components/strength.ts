import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { MIN_PASSPHRASE_LENGTH, passphraseProblem } from '../../shared/domain/vault.ts';

zxcvbnOptions.setOptions({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });

/** Minimum zxcvbn score the setup and change forms require (main enforces its own floor as well). */
export const REQUIRED_SCORE = 3;

export function passphraseScore(passphrase: string): 0 | 1 | 2 | 3 | 4 {
  if (!passphrase) return 0;
  return zxcvbn(passphrase).score;
}

export type PassphraseIssue = 'tooShort' | 'tooWeak' | 'mismatch' | null;

/** What keeps a new passphrase (and its repetition) from being accepted, or null. */
export function newPassphraseIssue(passphrase: string, repeated: string): PassphraseIssue {
  const floor = passphraseProblem(passphrase);
  if (floor === 'too-short') return 'tooShort';
  if (floor === 'too-simple' || passphraseScore(passphrase) < REQUIRED_SCORE) return 'tooWeak';
  if (passphrase !== repeated) return 'mismatch';
  return null;
}

export { MIN_PASSPHRASE_LENGTH };
