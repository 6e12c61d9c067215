import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Counterpart, LetterFile } from '../../../shared/domain/correspondence.ts';
import type { DraftRequest, LetterDraft } from '../../../shared/domain/letter-draft.ts';
import type { MissingText } from '../../../shared/domain/translations.ts';
import type { Office } from '../../../shared/domain/office.ts';
import type { Language } from '../../../shared/domain/vault.ts';
import { letterKinds, type LetterKind } from '../../../shared/templates/letters/input.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert, Notice } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import { CounterpartSelect } from '../correspondence/CounterpartSelect.tsx';
import { IncidentPicker, type PickedIncident } from '../correspondence/IncidentPicker.tsx';
import { DocPreview } from './DocPreview.tsx';
import { DraftChecks, openChecks } from './DraftChecks.tsx';
import { DraftEditor } from './DraftEditor.tsx';
import { usePdfPrint } from './usePdfPrint.ts';

type Registered = { letterId: string; number: string; date: string; expectedReplyBy: string | undefined; fingerprint: string; files: LetterFile[] };

/**
 * Letters: choose counterpart, kind and language for the incidents selected in the list → a draft from the
 * templates → edit its text beside a live preview → register (next number; the letter frozen with its SHA-256, PDF
 * and DOCX kept in the vault) → save as PDF or DOCX, or print. A registered letter cannot change. Print prints the
 * PDF (the draft's as main renders it, or the registered one as kept), never the on-screen preview.
 */
export function LettersPage({ initialIncidentIds }: { initialIncidentIds: readonly string[] }) {
  const { t } = useTranslation();
  const id = useId();
  const [counterparts, setCounterparts] = useState<Counterpart[]>([]);
  const [office, setOffice] = useState<Office | null>(null);
  const [counterpartId, setCounterpartId] = useState('');
  const [kind, setKind] = useState<LetterKind>(initialIncidentIds.length ? 'appeal' : 'follow-up');
  const [language, setLanguage] = useState<Language>('ru');
  const [reveal, setReveal] = useState(false);
  const [signatoryId, setSignatoryId] = useState('');
  const [incidents, setIncidents] = useState<PickedIncident[]>([]);
  const [draft, setDraft] = useState<LetterDraft | null>(null);
  const [registered, setRegistered] = useState<Registered | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const pdf = usePdfPrint();

  useEffect(() => {
    void call('counterparts:list', {}).then((result) => {
      if (!result.ok || result.value.length === 0) return;
      setCounterparts(result.value);
      setCounterpartId(result.value[0]!.id);
      setLanguage(result.value[0]!.language);
    });
    void call('office:get', {}).then((result) => result.ok && setOffice(result.value));
    // The incidents selected in the list, by title.
    void Promise.all(initialIncidentIds.map((incidentId) => call('incidents:get', { id: incidentId }))).then((results) =>
      setIncidents(results.flatMap((result) => (result.ok ? [{ id: result.value.incident.id, title: result.value.incident.title }] : []))),
    );
  }, [initialIncidentIds]);

  const makeDraft = async (event: React.FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const made = await run(() => call('letters:draft', { kind, counterpartId, language, incidentIds: incidents.map((i) => i.id), revealWithheld: reveal, ...(signatoryId ? { signatoryId } : {}) }));
    if (made) setDraft(made);
  };
  // Settling a draft's checks: the text or choice is saved, then the same request is drafted again.
  const redraft = async (patch: Partial<DraftRequest>) => {
    if (!draft) return;
    const made = await run(() => call('letters:draft', { ...draft.request, ...patch }));
    if (made) setDraft(made);
  };
  const translate = async (missing: MissingText, text: string) => {
    if (!draft) return;
    const saved = await run(() => call('records:saveTranslation', { entity: missing.entity, id: missing.id, field: missing.field, language: draft.request.language, text }));
    if (saved) await redraft({});
  };
  const setCounterpartGender = async (gender: 'male' | 'female') => {
    const counterpart = counterparts.find((c) => c.id === draft?.request.counterpartId);
    if (!counterpart) return;
    const saved = await run(() => call('counterparts:save', { ...counterpart, gender }));
    if (!saved) return;
    setCounterparts(counterparts.map((c) => (c.id === saved.id ? saved : c)));
    await redraft({});
  };
  const register = async () => {
    if (!draft) return;
    const result = await run(() => call('letters:registerDraft', draft));
    if (!result) return;
    setRegistered({ letterId: result.letter.id, number: result.letter.number, date: result.letter.date, expectedReplyBy: result.letter.expectedReplyBy, fingerprint: result.fingerprint, files: result.files });
    const frozen = await call('letters:document', { letterId: result.letter.id });
    if (frozen.ok) setDraft({ ...draft, doc: frozen.value.doc });
  };
  const save = async (file: LetterFile, open = false) => {
    const saved = await run(() => call('letters:exportFile', { id: file.id, open }));
    if (saved?.saved) setNotice(t(open ? 'letters.savedOpened' : 'letters.saved', { name: saved.fileName }));
  };
  // The draft is printed as the window holds it (edits included); a registered letter as it was kept.
  const print = async () => {
    if (!draft) return;
    const made = await run(() => (registered ? call('letters:registeredPdf', { letterId: registered.letterId }) : call('letters:draftPdf', draft)));
    if (made) pdf.print(made.bytes);
  };
  const startOver = () => {
    pdf.release();
    setDraft(null);
    setRegistered(null);
    setNotice(null);
  };

  if (draft) {
    const draftCounterpart = counterparts.find((c) => c.id === draft.request.counterpartId);
    const unsettled = openChecks(draft, draftCounterpart);
    return (
      <div className="letters-page">
        <h1 id="section-heading">{registered ? t('letters.registeredHeading', { number: registered.number, date: registered.date }) : t('letters.draftHeading')}</h1>
        {!registered && <DraftChecks draft={draft} counterpart={draftCounterpart} busy={busy} onRedraft={redraft} onTranslate={translate} onGender={setCounterpartGender} />}
        <ErrorAlert error={error} />
        {notice && <Notice>{notice}</Notice>}
        {registered && (
          <div className="panel">
            <p>{t('letters.registeredText', { number: registered.number, date: registered.expectedReplyBy ?? '—' })}</p>
            <p className="hint mono">SHA-256 {registered.fingerprint}</p>
            <div className="actions">
              {registered.files.map((file) => (
                <button key={file.id} type="button" className="primary" disabled={busy} onClick={() => void save(file)}>
                  {t(`letters.save_${file.role}`)}
                </button>
              ))}
              {registered.files
                .filter((file) => file.role === 'docx')
                .map((file) => (
                  <button key={`open-${file.id}`} type="button" className="secondary" disabled={busy} onClick={() => void save(file, true)}>
                    {t('letters.saveAndOpen')}
                  </button>
                ))}
              <button type="button" className="secondary" disabled={busy} onClick={() => void print()}>
                {t('letters.print')}
              </button>
              <button type="button" className="link-button" onClick={startOver}>
                {t('letters.newLetter')}
              </button>
            </div>
          </div>
        )}
        <div className="letter-workspace">
          {registered ? (
            <p className="hint">{t('letters.frozen')}</p>
          ) : (
            <div>
              <DraftEditor doc={draft.doc} onChange={(doc) => setDraft({ ...draft, doc })} />
              <div className="actions sticky-actions">
                <button type="button" className="primary" disabled={busy || unsettled > 0} aria-describedby={unsettled > 0 ? `${id}-blocked` : undefined} onClick={() => void register()}>
                  {t('letters.register')}
                </button>
                {unsettled > 0 && (
                  <span id={`${id}-blocked`} className="hint">
                    {t('missing.registerBlocked')}
                  </span>
                )}
                <button type="button" className="secondary" disabled={busy} onClick={() => void print()}>
                  {t('letters.printDraft')}
                </button>
                <button type="button" className="link-button" onClick={startOver}>
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          )}
          <DocPreview doc={draft.doc} label={t('letters.preview')} />
        </div>
      </div>
    );
  }

  const current = counterparts.find((c) => c.id === counterpartId);
  return (
    <div className="letters-page">
      <h1 id="section-heading">{t('nav.documents')}</h1>
      <form className="panel" onSubmit={(e) => void makeDraft(e)} aria-label={t('letters.newDraft')}>
        <h2>{t('letters.newDraft')}</h2>
        {counterparts.length === 0 && <p className="hint">{t('letters.noCounterparts')}</p>}
        {office && office.signatories.length === 0 && <p className="hint">{t('letters.noSignatory')}</p>}
        <div className="form-grid">
          <CounterpartSelect
            counterparts={counterparts}
            value={counterpartId}
            onChange={(next) => {
              setCounterpartId(next);
              const chosen = counterparts.find((c) => c.id === next);
              if (chosen) setLanguage(chosen.language);
            }}
          />
          <span className="field">
            <label htmlFor={`${id}-kind`}>{t('letters.kind')}</label>
            <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as LetterKind)}>
              {letterKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`letters.kind_${k}`)}
                </option>
              ))}
            </select>
          </span>
          <span className="field">
            <label htmlFor={`${id}-lang`}>{t('letters.language')}</label>
            <select id={`${id}-lang`} value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
              {(['ru', 'tg', 'en'] as const).map((lang) => (
                <option key={lang} value={lang}>
                  {t(`counterpart.lang_${lang}`)}
                </option>
              ))}
            </select>
          </span>
          {office && office.signatories.length > 1 && (
            <span className="field">
              <label htmlFor={`${id}-sign`}>{t('office.signatory')}</label>
              <select id={`${id}-sign`} value={signatoryId} onChange={(e) => setSignatoryId(e.target.value)}>
                {office.signatories.map((s, index) => (
                  <option key={s.id} value={index === 0 ? '' : s.id}>
                    {`${s.name[language] || s.name.ru} — ${s.position[language] || s.position.ru}`}
                  </option>
                ))}
              </select>
            </span>
          )}
        </div>
        {current && current.language !== language && <p className="hint">{t('letters.otherLanguage')}</p>}
        <IncidentPicker picked={incidents} onChange={setIncidents} />
        <label className="check-inline">
          <input type="checkbox" checked={reveal} onChange={(e) => setReveal(e.target.checked)} />
          {t('letters.reveal')}
        </label>
        {reveal && <p className="alert">{t('letters.revealWarning')}</p>}
        <ErrorAlert error={error} />
        <button type="submit" className="primary" disabled={busy || !counterpartId || (kind !== 'follow-up' && incidents.length === 0)}>
          {t('letters.makeDraft')}
        </button>
      </form>
    </div>
  );
}
