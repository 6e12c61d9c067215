import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH, passphraseScore, REQUIRED_SCORE } from './strength.ts';

/**
 * How hard the passphrase is to guess (zxcvbn score 0–4): a <meter> whose value is also given as text
 * (aria-valuetext), a visible label, and the level the form requires — colour alone never carries the meaning.
 */
export function StrengthMeter({ passphrase, id }: { passphrase: string; id: string }) {
  const { t } = useTranslation();
  const score = useMemo(() => passphraseScore(passphrase), [passphrase]);
  const level = t(`strength.s${score}`);
  return (
    <div className="strength" id={id}>
      <div className="strength-row">
        <meter min={0} max={4} low={REQUIRED_SCORE - 1} high={REQUIRED_SCORE} optimum={4} value={score} aria-label={t('strength.label')} aria-valuetext={level} />
        <span className="strength-label" data-score={score}>
          {t('strength.label')}: <strong>{level}</strong>
        </span>
      </div>
      <span className="hint">{t('strength.required', { min: MIN_PASSPHRASE_LENGTH, level: t(`strength.s${REQUIRED_SCORE}`) })}</span>
    </div>
  );
}
