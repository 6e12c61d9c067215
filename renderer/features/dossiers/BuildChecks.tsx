import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { missingTextKey, type MissingText } from '../../../shared/domain/translations.ts';
import type { Language } from '../../../shared/domain/vault.ts';
import { MissingRow } from '../letters/DraftChecks.tsx';
import type { BuildJob, DossierBuild } from './useDossierBuild.ts';

/** Texts the build found missing in the dossier's language that staff have neither translated nor chosen to keep. */
export function openMissing(build: DossierBuild, keepOriginal: readonly string[]): number {
  const kept = new Set(keepOriginal);
  return build.missing.filter((missing) => !kept.has(missingTextKey(missing))).length;
}

/** A running build: how far it is (incidents done of total) and Cancel. */
export function BuildProgress({ job, onCancel }: { job: BuildJob; onCancel(): void }) {
  const { t } = useTranslation();
  return (
    <div className="progress" role="status">
      <span>{t('dossiers.building')}</span>
      <progress max={Math.max(1, job.total)} value={job.done} aria-label={t('dossiers.buildProgress')} />
      <span>{t('dossiers.buildCount', { done: job.done, total: job.total })}</span>
      <button type="button" className="secondary small" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}

interface Props {
  build: DossierBuild;
  language: Language;
  keepOriginal: readonly string[];
  busy: boolean;
  onTranslate(missing: MissingText, text: string): Promise<void>;
  onKeep(missing: MissingText, on: boolean): Promise<void>;
}

/**
 * What the last build noticed: each text missing in the dossier's language (typed in here and saved to its record,
 * or deliberately kept in its original language — the letters' pattern, DraftChecks.tsx), and what it went on
 * without (a deleted incident, a damaged evidence file).
 */
export function BuildChecks({ build, language, keepOriginal, busy, onTranslate, onKeep }: Props) {
  const { t } = useTranslation();
  const id = useId();
  if (build.missing.length === 0 && build.warnings.length === 0) return null;
  const kept = new Set(keepOriginal);
  const left = openMissing(build, keepOriginal);
  const warningCodes = [...new Set(build.warnings.map((warning) => warning.code))];
  return (
    <section className="panel draft-checks" aria-labelledby={`${id}-heading`}>
      {build.missing.length > 0 ? (
        <>
          <h2 id={`${id}-heading`}>{t('dossiers.missingHeading')}</h2>
          <p className="hint">{t('dossiers.missingIntro')}</p>
          <p className={left > 0 ? 'alert' : 'notice'} role="status">
            {t('missing.left', { count: left })}
          </p>
          <ul className="missing-list">
            {build.missing.map((missing) => (
              <MissingRow key={missingTextKey(missing)} missing={missing} language={language} kept={kept.has(missingTextKey(missing))} busy={busy} onTranslate={onTranslate} onKeep={onKeep} />
            ))}
          </ul>
        </>
      ) : (
        <h2 id={`${id}-heading`}>{t('dossiers.warnings')}</h2>
      )}
      {warningCodes.length > 0 && (
        <ul className="letter-warnings" aria-label={t('dossiers.warnings')}>
          {warningCodes.map((code) => (
            <li key={code}>{t(`dossiers.warning_${code}`)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
