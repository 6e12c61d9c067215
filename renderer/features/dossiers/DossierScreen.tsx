import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierComposition, DossierEdition } from '../../../shared/domain/dossier.ts';
import { missingTextKey, type MissingText } from '../../../shared/domain/translations.ts';
import type { Language } from '../../../shared/domain/vault.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert, Notice } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import { DocPreview } from '../letters/DocPreview.tsx';
import { usePdfPrint } from '../letters/usePdfPrint.ts';
import { BuildChecks, BuildProgress, openMissing } from './BuildChecks.tsx';
import { MeetingFields, NotesFields } from './CompositionFields.tsx';
import { includedSections, newComposition, sameComposition, sectionRows, withIncidents, type SectionRow } from './composition.ts';
import { EditionsPanel } from './EditionsPanel.tsx';
import type { LeaveGuard } from './leave-guard.ts';
import { SectionOrder } from './SectionOrder.tsx';
import { SelectionFields } from './SelectionFields.tsx';
import { draftForPrint } from './draft-print.ts';
import { useDossierBuild } from './useDossierBuild.ts';
import './dossiers.css';

interface Props {
  /** The saved dossier to open, or null for a new one. */
  dossierId: string | null;
  /** Incidents chosen in the incident list to add (shown as an unsaved change until Save). */
  addIncidentIds: readonly string[];
  onBack(): void;
  /** Registers the question the shell asks before navigating away (and clears it when the screen goes). */
  onLeaveGuard(guard: LeaveGuard | null): void;
}

/**
 * One dossier: its composition on the left (meeting, incidents, sections in order, free texts), the preview of the
 * last build on the right. Build runs on the saved composition (unsaved changes are saved first), as a job with
 * progress and Cancel; Issue freezes the next edition once no text is missing in the dossier's language; each
 * edition is saved as PDF or DOCX, or printed, exactly as kept.
 */
export function DossierScreen({ dossierId, addIncidentIds, onBack, onLeaveGuard }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [composition, setComposition] = useState<DossierComposition | null>(null);
  const [saved, setSaved] = useState<DossierComposition | null>(null);
  const [rows, setRows] = useState<SectionRow[]>([]);
  const [editions, setEditions] = useState<DossierEdition[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  /**
   * Back, the sidebar or the registry reminder was used with unsaved changes: the screen asks whether to save them,
   * let them go or stay; `leave` is where staff were going.
   */
  const [leaving, setLeaving] = useState<{ leave: () => void } | null>(null);
  const dirtyNow = useRef(false);
  const register = useRef(onLeaveGuard);
  const firstChoice = useRef<HTMLButtonElement>(null);
  const buildButton = useRef<HTMLButtonElement>(null);
  const { busy: calling, error, setError, run } = useAction();
  // From Build's first step (the save) to its result: one build at a time, whatever staff click meanwhile.
  const [building, setBuilding] = useState(false);
  const busy = calling || building;
  const builder = useDossierBuild();
  const pdf = usePdfPrint();

  // The shell asks before leaving; the answer reads the latest composition through the ref.
  useEffect(() => {
    const unregister = register.current;
    unregister((leave) => {
      if (!dirtyNow.current) return false;
      setLeaving({ leave });
      return true;
    });
    return () => unregister(null);
  }, []);
  // When a build ends, Cancel (the progress bar) goes away under the focus: it returns to Build, not to the page's top.
  const wasBuilding = useRef(false);
  useEffect(() => {
    if (building) wasBuilding.current = true;
    else if (wasBuilding.current) {
      wasBuilding.current = false;
      if (!document.activeElement || document.activeElement === document.body) buildButton.current?.focus();
    }
  }, [building]);
  // The question takes the focus, so a keyboard user hears it and answers it where they are.
  useEffect(() => {
    if (leaving) firstChoice.current?.focus();
  }, [leaving]);

  useEffect(() => {
    let current = true;
    const open = async () => {
      let loaded: DossierComposition;
      if (dossierId) {
        const result = await call('dossiers:get', { id: dossierId });
        if (!current) return;
        if (!result.ok) return setError(result.error);
        loaded = result.value;
        setSaved(loaded);
        const listed = await call('dossiers:editions', { id: dossierId });
        if (current && listed.ok) setEditions(listed.value);
      } else {
        loaded = newComposition(t('dossiers.untitled'), (i18n.language as Language) ?? 'ru');
      }
      if (addIncidentIds.length > 0) {
        if (loaded.selection.kind === 'search') setNotice(t('dossiers.addSearchDossier'));
        else loaded = withIncidents(loaded, addIncidentIds);
      }
      if (!current) return;
      setComposition(loaded);
      setRows(sectionRows(loaded.sections));
    };
    void open();
    return () => {
      current = false;
    };
    // Opened once per dossier (the page remounts the screen for another one).
  }, [dossierId]);

  if (!composition) {
    return (
      <div className="dossier-page">
        <ErrorAlert error={error} />
        <p role="status">{t('common.working')}</p>
      </div>
    );
  }

  const dirty = !saved || !sameComposition(composition, saved);
  dirtyNow.current = dirty;
  const built = builder.built;
  const stale = !!built && (dirty || built.of !== JSON.stringify(saved));
  const left = built ? openMissing(built.build, composition.keepOriginal) : 0;
  const canIssue = !!built && !stale && left === 0 && !builder.running;
  const change = (next: DossierComposition) => {
    setNotice(null);
    setComposition(next);
  };
  const changeRows = (next: SectionRow[]) => {
    setRows(next);
    change({ ...composition, sections: includedSections(next) });
  };

  /** Saves the composition as the screen holds it; returns it when main took it. */
  const save = async (next = composition): Promise<DossierComposition | null> => {
    const done = await run(() => call('dossiers:save', next));
    if (!done) return null;
    setSaved(next);
    setComposition(next);
    return next;
  };
  const build = async (next = composition) => {
    setNotice(null);
    setBuilding(true);
    try {
      const current = dirty || next !== composition ? await save(next) : saved;
      if (!current) return;
      const made = await builder.start(current.id, JSON.stringify(current));
      if (made) setNotice(t('dossiers.built'));
    } finally {
      setBuilding(false);
    }
  };
  const translate = async (missing: MissingText, text: string) => {
    const done = await run(() => call('records:saveTranslation', { entity: missing.entity, id: missing.id, field: missing.field, language: composition.language, text }));
    if (done) await build();
  };
  // Keeping an original is part of the composition: saved with it, then built again.
  const keep = async (missing: MissingText, on: boolean) => {
    const key = missingTextKey(missing);
    const keepOriginal = on ? [...new Set([...composition.keepOriginal, key])] : composition.keepOriginal.filter((k) => k !== key);
    await build({ ...composition, keepOriginal });
  };
  const issue = async () => {
    setNotice(null);
    const edition = await run(() => call('dossiers:issue', { id: composition.id }));
    if (!edition) return;
    setEditions([...editions.filter((e) => e.edition !== edition.edition), edition]);
    setNotice(t('dossiers.issued', { edition: edition.edition }));
  };
  const saveFile = async (edition: number, format: 'pdf' | 'docx') => {
    setNotice(null);
    const done = await run(() => call('dossiers:exportFile', { dossierId: composition.id, edition, format }));
    if (done?.saved) setNotice(t('dossiers.savedFile', { name: done.fileName }));
  };
  // The build as it stands, not an edition: every page of the print carries the draft mark (draft-print.ts).
  const printDraft = async () => {
    if (!built) return;
    const made = await run(() => call('dossiers:pdf', { doc: draftForPrint(built.build.doc, built.asOf) }));
    if (made) pdf.print(made.bytes);
  };
  const print = async (edition: number) => {
    const made = await run(() => call('dossiers:pdf', { dossierId: composition.id, edition }));
    if (made) pdf.print(made.bytes);
  };

  return (
    <div className="dossier-page">
      <div className="page-head">
        <h1 id="section-heading">{composition.title || t('dossiers.untitled')}</h1>
        <button type="button" className="link-button" onClick={() => (dirty ? setLeaving({ leave: onBack }) : onBack())}>
          {t('dossiers.back')}
        </button>
      </div>
      {leaving && (
        <div className="panel" role="group" aria-labelledby={`${id}-leaving`}>
          <p id={`${id}-leaving`}>{t('dossiers.leaveUnsaved')}</p>
          <div className="actions">
            <button ref={firstChoice} type="button" className="primary" disabled={busy} onClick={() => void save().then((done) => done && leaving.leave())}>
              {t('dossiers.saveAndClose')}
            </button>
            <button type="button" className="secondary" onClick={leaving.leave}>
              {t('dossiers.discard')}
            </button>
            <button type="button" className="link-button" onClick={() => setLeaving(null)}>
              {t('dossiers.stay')}
            </button>
          </div>
        </div>
      )}
      <div className="actions dossier-actions" role="toolbar" aria-label={t('dossiers.composition')}>
        <button type="button" className="secondary" disabled={busy || builder.running || !dirty} onClick={() => void save().then((done) => done && setNotice(t('dossiers.saved')))}>
          {t('dossiers.save')}
        </button>
        <button ref={buildButton} type="button" className="primary" disabled={busy || builder.running} onClick={() => void build()}>
          {t('dossiers.build')}
        </button>
        <button type="button" className="primary" disabled={busy || !canIssue} aria-describedby={canIssue ? undefined : `${id}-issue`} onClick={() => void issue()}>
          {t('dossiers.issue')}
        </button>
        {!canIssue && (
          <span id={`${id}-issue`} className="hint">
            {built && !stale && left > 0 ? t('dossiers.issueBlocked') : t('dossiers.issueNeedsBuild')}
          </span>
        )}
        {/* The last build as it stands, before any edition: shown only while it is what is saved. */}
        {built && !stale && (
          <button type="button" className="secondary" disabled={busy || builder.running} aria-describedby={`${id}-draft`} onClick={() => void printDraft()}>
            {t('dossiers.printDraft')}
          </button>
        )}
        {dirty && (
          <span className="unsaved" role="status">
            {t('dossiers.unsaved')}
          </span>
        )}
      </div>
      {builder.running && builder.job && <BuildProgress job={builder.job} onCancel={builder.cancel} />}
      {builder.job?.state === 'cancelled' && <Notice>{t('dossiers.buildCancelled')}</Notice>}
      {notice && <Notice>{notice}</Notice>}
      <ErrorAlert error={error ?? builder.error} />
      {/* While a build runs, the last one's checks stay (disabled), so a choice just made does not vanish under the pointer. */}
      {built && (!stale || building) && <BuildChecks build={built.build} language={composition.language} keepOriginal={composition.keepOriginal} busy={busy || builder.running} onTranslate={translate} onKeep={keep} />}
      <div className="dossier-workspace">
        <form className="dossier-composition" aria-label={t('dossiers.composition')} onSubmit={(e) => e.preventDefault()}>
          <MeetingFields composition={composition} onChange={change} />
          <SelectionFields selection={composition.selection} onChange={(selection) => change({ ...composition, selection })} />
          <SectionOrder rows={rows} onChange={changeRows} />
          <NotesFields composition={composition} onChange={change} />
        </form>
        {/* A pane that scrolls on its own beside the composition; focusable, so the keyboard can scroll it too. */}
        <div className="dossier-preview" role="region" aria-label={t('dossiers.previewPane')} tabIndex={0}>
          {stale && <p className="hint">{t('dossiers.stale')}</p>}
          {built && !stale && (
            <p id={`${id}-draft`} className="hint">
              {t('dossiers.printDraftHint')}
            </p>
          )}
          {built ? <DocPreview doc={built.build.doc} label={t('dossiers.preview')} /> : <p className="hint">{t('dossiers.buildFirst')}</p>}
        </div>
      </div>
      <EditionsPanel editions={editions} busy={busy} onSave={(edition, format) => void saveFile(edition, format)} onPrint={(edition) => void print(edition)} />
    </div>
  );
}
