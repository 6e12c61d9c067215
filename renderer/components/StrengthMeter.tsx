import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { passphraseScore } from './strength.ts';

/** Shows how hard the passphrase is to guess (zxcvbn score 0–4) as a meter with a text label. */
export function StrengthMeter({ passphrase, id }: { passphrase: string; id: string }) {
  const { t } = useTranslation();
  const score = useMemo(() => passphraseScore(passphrase), [passphrase]);
  return (
    <div className="strength" id={id}>
      <meter min={0} max={4} low={2} high={3} optimum={4} value={score} aria-label={t('strength.label')} />
      <span className="strength-label">
        {t('strength.label')}: {t(`strength.s${score}`)}
      </span>
    </div>
  );
}
