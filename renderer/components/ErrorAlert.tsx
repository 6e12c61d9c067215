import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../shared/ipc/result.ts';

/** A localized error from its stable code, optionally after a sentence of context; announced to screen readers. */
export function ErrorAlert({ error, context }: { error: AppErrorValue | null; context?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const count = Math.ceil((error.retryAfterMs ?? 0) / 1000);
  return (
    <p role="alert" className="alert" data-code={error.code}>
      {context ? `${context} ` : ''}
      {t(`errors.${error.code}`, { count })}
    </p>
  );
}

export function Notice({ children }: { children: React.ReactNode }) {
  return (
    <p role="status" className="notice">
      {children}
    </p>
  );
}
