import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH, type PassphraseIssue } from '../../components/strength.ts';

/** The localized reason a new passphrase is not accepted yet. */
export function IssueMessage({ issue }: { issue: PassphraseIssue }) {
  const { t } = useTranslation();
  if (!issue) return null;
  return (
    <p role="alert" className="alert" data-issue={issue}>
      {t(`setup.${issue}`, { min: MIN_PASSPHRASE_LENGTH })}
    </p>
  );
}
