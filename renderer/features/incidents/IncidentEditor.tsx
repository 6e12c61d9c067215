import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { confidentialityLevels, datePrecisions, incidentFacts, incidentSchema, incidentStatuses, isUrlReference, reliabilityLevels, type Incident, type Person, type Place, type Source } from '../../../shared/domain/records.ts';
import type { Language } from '../../../shared/domain/vault.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert, Notice } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import { PlaceFields } from '../directories/PlaceFields.tsx';
import { OriginalLanguageSelect } from '../translations/OriginalLanguageSelect.tsx';
import { TranslatedText } from '../translations/TranslatedText.tsx';
import { withOriginalLanguage } from '../translations/translation-edit.ts';
import { EvidencePanel } from './EvidencePanel.tsx';
import { newId } from './new-id.ts';
import { PersonForm } from './PersonForm.tsx';
import { TermChecklist } from './TermChecklist.tsx';
import { useLabel, type Terms } from './useTerms.ts';
import { today } from '../../local-date.ts';

interface Props {
  /** An incident to edit, or null for a new one. */
  incidentId: string | null;
  terms: Terms;
  onTermAdded(): Promise<void>;
  onSaved(id: string): void;
  onClose(): void;
}

const blank = (): Incident => ({
  id: newId('in'),
  originalLanguage: 'ru',
  title: '',
  description: '',
  startDate: today(),
  datePrecision: 'day',
  violationTypes: [],
  methods: [],
  victimIds: [],
  sources: [],
  confidentiality: 'confidential',
  status: 'documented',
});

/**
 * One screen for the whole incident: what, when, where, who (victims added here, individuals or groups), the
 * sources and, once saved, the evidence. Checked with the same schema main uses; main checks again.
 */
export function IncidentEditor({ incidentId, terms, onTermAdded, onSaved, onClose }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const id = useId();
  const [incident, setIncident] = useState<Incident>(blank);
  const [stored, setStored] = useState(false);
  const [victims, setVictims] = useState<Person[]>([]);
  const [newVictims, setNewVictims] = useState<Set<string>>(new Set());
  const [places, setPlaces] = useState<Place[]>([]);
  const [placeDraft, setPlaceDraft] = useState<Place | null>(null);
  const [addingPerson, setAddingPerson] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();

  useEffect(() => {
    void call('places:list', {}).then((result) => result.ok && setPlaces(result.value.map((entry) => entry.place)));
    if (!incidentId) return;
    void call('incidents:get', { id: incidentId }).then(async (result) => {
      if (!result.ok) return;
      setIncident(result.value.incident);
      setStored(true);
      const people = await Promise.all(result.value.incident.victimIds.map((personId) => call('persons:get', { id: personId })));
      setVictims(people.flatMap((p) => (p.ok ? [p.value] : [])));
    });
  }, [incidentId]);

  const set = (patch: Partial<Incident>) => {
    setIncident({ ...incident, ...patch });
    setSaved(false);
  };
  const setSource = (index: number, patch: Partial<Source>) => set({ sources: incident.sources.map((s, i) => (i === index ? { ...s, ...patch } : s)) });
  // A source's reference is in its incident's language, so the sources follow when the original changes.
  const setOriginal = (language: Language) =>
    set({
      ...withOriginalLanguage(incident, ['title', 'description'], language),
      sources: incident.sources.map((source) => {
        const { originalLanguage: _, ...moved } = withOriginalLanguage({ ...source, originalLanguage: incident.originalLanguage }, ['reference'], language);
        return moved;
      }),
    });
  const facts = incidentFacts(incident, victims);

  const savePlace = async () => {
    if (!placeDraft) return;
    const result = await run(() => call('places:save', placeDraft));
    if (!result) return;
    setPlaces([...places, placeDraft]);
    set({ placeId: placeDraft.id });
    setPlaceDraft(null);
  };

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const candidate = JSON.parse(JSON.stringify({ ...incident, victimIds: victims.map((v) => v.id) })) as Incident;
    const parsed = incidentSchema.safeParse(candidate);
    if (!parsed.success) return setProblems([...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))]);
    setProblems([]);
    for (const person of victims.filter((v) => newVictims.has(v.id))) {
      if (!(await run(() => call('persons:save', person)))) return;
    }
    const result = await run(() => call('incidents:save', parsed.data));
    if (!result) return;
    setNewVictims(new Set());
    setStored(true);
    setSaved(true);
    onSaved(result.id);
  };

  const invalid = (field: string) => problems.includes(field);
  return (
    <form
      className="incident-editor"
      onSubmit={(e) => void save(e)}
      // Ctrl/Cmd+S saves from any field (by the physical key, so a Cyrillic layout works too).
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.code === 'KeyS') {
          e.preventDefault();
          e.currentTarget.requestSubmit();
        }
      }}
      aria-labelledby={`${id}-heading`}
      aria-keyshortcuts="Control+S"
      noValidate
    >
      <div className="editor-head">
        <h2 id={`${id}-heading`}>{stored ? t('incident.edit') : t('incident.new')}</h2>
        <button type="button" className="link-button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <div className="form-grid">
        <OriginalLanguageSelect value={incident.originalLanguage} onChange={setOriginal} />
        <TranslatedText
          className="wide"
          field="title"
          label={t('incident.title')}
          original={incident.originalLanguage}
          value={incident.title}
          invalid={invalid('title')}
          onValue={(title) => set({ title })}
          translations={incident.translations}
          onTranslations={(translations) => set({ translations })}
        />
        <span className="field">
          <label htmlFor={`${id}-start`}>{t('incident.startDate')}</label>
          <input id={`${id}-start`} type="date" value={incident.startDate} aria-invalid={invalid('startDate')} onChange={(e) => set({ startDate: e.target.value })} />
        </span>
        <span className="field">
          <label htmlFor={`${id}-end`}>{t('incident.endDate')}</label>
          <input id={`${id}-end`} type="date" value={incident.endDate ?? ''} aria-invalid={invalid('endDate')} onChange={(e) => set({ endDate: e.target.value || undefined })} />
        </span>
        <span className="field">
          <label htmlFor={`${id}-precision`}>{t('incident.datePrecision')}</label>
          <select id={`${id}-precision`} value={incident.datePrecision} onChange={(e) => set({ datePrecision: e.target.value as Incident['datePrecision'] })}>
            {datePrecisions.map((p) => (
              <option key={p} value={p}>
                {t(`precision.${p}`)}
              </option>
            ))}
          </select>
        </span>
        <span className="field">
          <label htmlFor={`${id}-place`}>{t('incident.place')}</label>
          <select id={`${id}-place`} value={incident.placeId ?? ''} onChange={(e) => set({ placeId: e.target.value || undefined })}>
            <option value="">{t('incident.noPlace')}</option>
            {places.map((place) => (
              <option key={place.id} value={place.id}>
                {place.name} ({place.country})
              </option>
            ))}
          </select>
          {!placeDraft && (
            <button type="button" className="link-button" onClick={() => setPlaceDraft({ id: newId('pl'), name: '', kind: 'border-crossing', country: '', originalLanguage: 'ru' })}>
              {t('place.new')}
            </button>
          )}
        </span>
        <span className="field">
          <label htmlFor={`${id}-status`}>{t('incident.status')}</label>
          <select id={`${id}-status`} value={incident.status} onChange={(e) => set({ status: e.target.value as Incident['status'] })}>
            {incidentStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </span>
        <span className="field">
          <label htmlFor={`${id}-conf`}>{t('incident.confidentiality')}</label>
          <select id={`${id}-conf`} value={incident.confidentiality} onChange={(e) => set({ confidentiality: e.target.value as Incident['confidentiality'] })}>
            {confidentialityLevels.map((c) => (
              <option key={c} value={c}>
                {t(`confidentiality.${c}`)}
              </option>
            ))}
          </select>
        </span>
      </div>
      {placeDraft && (
        <div className="inline-add place-add" role="group" aria-label={t('place.new')}>
          <PlaceFields place={placeDraft} onChange={setPlaceDraft} />
          <button type="button" className="secondary" disabled={!placeDraft.name.trim() || !/^[A-Z]{2}$/.test(placeDraft.country)} onClick={() => void savePlace()}>
            {t('place.save')}
          </button>
          <button type="button" className="link-button" onClick={() => setPlaceDraft(null)}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      <TranslatedText
        className="wide"
        field="description"
        label={t('incident.description')}
        original={incident.originalLanguage}
        value={incident.description}
        multiline
        rows={4}
        onValue={(description) => set({ description })}
        translations={incident.translations}
        onTranslations={(translations) => set({ translations })}
      />
      <div className="two-columns">
        <TermChecklist legend={t('incident.violationTypes')} kind="violation-type" terms={terms['violation-type']} selected={incident.violationTypes} onChange={(violationTypes) => set({ violationTypes })} onTermAdded={onTermAdded} />
        <TermChecklist legend={t('incident.methods')} kind="method" terms={terms.method} selected={incident.methods} onChange={(methods) => set({ methods })} onTermAdded={onTermAdded} />
      </div>

      <section aria-labelledby={`${id}-victims`} className="victims">
        <h2 id={`${id}-victims`}>{t('incident.victims')}</h2>
        <p className="facts" role="status">
          {t('incident.peopleAffected', { count: facts.peopleAffected })}
          {facts.durationDays !== null ? ` · ${t('incident.daysHeld', { count: facts.durationDays })}` : ''}
        </p>
        <ul className="victim-list">
          {victims.map((person) => (
            <li key={person.id}>
              <span className="victim-name">{person.name}</span>
              {person.kind === 'group' && <span className="badge">{t('person.groupOf', { count: person.count ?? 1 })}</span>}
              {person.characteristics.map((code) => (
                <span key={code} className="badge muted">
                  {label(terms.characteristic, code)}
                </span>
              ))}
              <button type="button" className="link-button" aria-label={t('incident.removeVictim', { name: person.name })} onClick={() => setVictims(victims.filter((v) => v.id !== person.id))}>
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
        {addingPerson ? (
          <PersonForm
            terms={terms}
            onTermAdded={onTermAdded}
            onCancel={() => setAddingPerson(false)}
            onAdd={(person, existing) => {
              if (!victims.some((v) => v.id === person.id)) setVictims([...victims, person]);
              if (!existing) setNewVictims(new Set([...newVictims, person.id]));
              setAddingPerson(false);
              setSaved(false);
            }}
          />
        ) : (
          <button type="button" className="secondary" onClick={() => setAddingPerson(true)}>
            {t('person.add')}
          </button>
        )}
      </section>

      <section aria-labelledby={`${id}-sources`} className="sources">
        <h2 id={`${id}-sources`}>{t('incident.sources')}</h2>
        {incident.sources.map((source, index) => (
          <div key={index} className="source-row" role="group" aria-label={t('source.number', { n: index + 1 })}>
            <span className="field">
              <label htmlFor={`${id}-st-${index}`}>{t('source.type')}</label>
              <select id={`${id}-st-${index}`} value={source.type} onChange={(e) => setSource(index, { type: e.target.value })}>
                {terms['source-type'].map((term) => (
                  <option key={term.code} value={term.code}>
                    {label(terms['source-type'], term.code)}
                  </option>
                ))}
              </select>
            </span>
            <TranslatedText
              className="grow"
              field="reference"
              label={t('source.reference')}
              original={incident.originalLanguage}
              value={source.reference}
              invalid={invalid('sources')}
              translatable={!isUrlReference(source.reference)}
              onValue={(reference) => setSource(index, { reference })}
              translations={source.translations}
              onTranslations={(translations) => setSource(index, { translations })}
            />
            <span className="field">
              <label htmlFor={`${id}-sd-${index}`}>{t('source.date')}</label>
              <input id={`${id}-sd-${index}`} type="date" value={source.date ?? ''} onChange={(e) => setSource(index, { date: e.target.value || undefined })} />
            </span>
            <span className="field">
              <label htmlFor={`${id}-sl-${index}`}>{t('source.reliability')}</label>
              <select id={`${id}-sl-${index}`} value={source.reliability} onChange={(e) => setSource(index, { reliability: e.target.value as Source['reliability'] })}>
                {reliabilityLevels.map((r) => (
                  <option key={r} value={r}>
                    {t(`reliability.${r}`)}
                  </option>
                ))}
              </select>
            </span>
            <button type="button" className="link-button" onClick={() => set({ sources: incident.sources.filter((_, i) => i !== index) })}>
              {t('common.remove')}
            </button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => set({ sources: [...incident.sources, { type: terms['source-type'][0]?.code ?? 'other', reference: '', reliability: 'unverified' }] })}>
          {t('source.add')}
        </button>
      </section>

      {problems.length > 0 && (
        <p role="alert" className="alert">
          {t('form.fix', { fields: problems.map((p) => (p === 'translations' ? t('translations.toggle') : t(`incident.${p}`, { defaultValue: p }))).join(', ') })}
        </p>
      )}
      <ErrorAlert error={error} />
      {saved && <Notice>{t('incident.saved')}</Notice>}
      <div className="actions sticky-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('common.save')}
        </button>
      </div>
      {stored ? <EvidencePanel incidentId={incident.id} /> : <p className="hint">{t('evidence.afterSave')}</p>}
    </form>
  );
}
