import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Counterpart, Letter } from '../../../shared/domain/correspondence.ts';
import type { ChannelOutput } from '../../../shared/ipc/contract.ts';
import { call } from '../../bridge.ts';
import { Notice } from '../../components/ErrorAlert.tsx';
import { today } from '../../local-date.ts';
import { ImportPanel } from '../import/ImportPanel.tsx';
import { CounterpartForm } from './CounterpartForm.tsx';
import { formsIn } from './counterpart-forms.ts';
import { CounterpartSelect } from './CounterpartSelect.tsx';
import { LedgerPanel } from './LedgerPanel.tsx';
import { LetterCard } from './LetterCard.tsx';
import { OutgoingLetterForm } from './OutgoingLetterForm.tsx';
import { RegisterFilters } from './RegisterFilters.tsx';
import { RegisterTable } from './RegisterTable.tsx';
import { ReplyForm } from './ReplyForm.tsx';
import { applyFilter, noFilter, type RegisterEntry, type RegisterFilter } from './register-entry.ts';

type Ledger = ChannelOutput<'ledger:get'>;
type Panel = { kind: 'counterpart'; counterpart: Counterpart | null } | { kind: 'outgoing' } | { kind: 'import' } | { kind: 'reply'; to: Letter } | null;

/**
 * The registry: per counterpart (or all of them) the register of letters with filters, a card for each letter,
 * the ledger for the chosen period, and the actions — a new counterpart, an outgoing letter under the next number,
 * a reply linked to our letter, an existing register imported from a spreadsheet or file.
 */
export function CorrespondencePage() {
  const { t } = useTranslation();
  const [counterparts, setCounterparts] = useState<Counterpart[]>([]);
  const [counterpartId, setCounterpartId] = useState('');
  const [entries, setEntries] = useState<RegisterEntry[]>([]);
  const [ledger, setLedger] = useState<Ledger | null>(null);
  const [filter, setFilter] = useState<RegisterFilter>(noFilter);
  const [open, setOpen] = useState<string | null>(null);
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const loadCounterparts = useCallback(async (select?: string) => {
    const result = await call('counterparts:list', {});
    if (!result.ok) return;
    setCounterparts(result.value);
    setCounterpartId((current) => select ?? (current || result.value[0]?.id || ''));
  }, []);
  useEffect(() => {
    void loadCounterparts();
  }, [loadCounterparts]);
  const current = counterparts.find((c) => c.id === counterpartId);

  const load = useCallback(async () => {
    const asOf = today();
    const list = await call('letters:list', { asOf, ...(counterpartId ? { counterpartId } : {}) });
    if (list.ok) setEntries(list.value);
    if (!counterpartId) return setLedger(null);
    const figures = await call('ledger:get', { counterpartId, asOf, ...(filter.from ? { from: filter.from } : {}), ...(filter.to ? { to: filter.to } : {}) });
    if (figures.ok) setLedger(figures.value);
  }, [counterpartId, filter.from, filter.to]);
  useEffect(() => {
    void load();
  }, [load]);

  const done = (message: string, openLetter?: string) => {
    setPanel(null);
    setNotice(message);
    if (openLetter) setOpen(openLetter);
    void load();
  };
  const shown = applyFilter(entries, filter);
  const opened = entries.find((entry) => entry.letter.id === open);
  const counterpartName = (cpId: string) => counterparts.find((c) => c.id === cpId)?.institution ?? cpId;

  return (
    <div className="correspondence">
      <h1 id="section-heading">{t('nav.correspondence')}</h1>
      <div className="toolbar">
        <CounterpartSelect
          counterparts={counterparts}
          value={counterpartId}
          allLabel={t('registry.allCounterparts')}
          onChange={(next) => {
            setCounterpartId(next);
            setOpen(null);
          }}
        />
        <div className="actions">
          {current && (
            <button type="button" className="primary" onClick={() => setPanel({ kind: 'outgoing' })}>
              {t('letterForm.open')}
            </button>
          )}
          <button type="button" className="secondary" onClick={() => setPanel({ kind: 'counterpart', counterpart: null })}>
            {t('counterpart.new')}
          </button>
          {current && (
            <button type="button" className="secondary" onClick={() => setPanel({ kind: 'counterpart', counterpart: current })}>
              {t('counterpart.edit')}
            </button>
          )}
          <button type="button" className="secondary" onClick={() => setPanel({ kind: 'import' })}>
            {t('registry.importRegister')}
          </button>
        </div>
      </div>
      {current && (
        <p className="hint addressee-preview">
          {[formsIn(current, current.language).addressee?.replaceAll('\n', ' / '), formsIn(current, current.language).salutation].filter(Boolean).join(' — ')}
        </p>
      )}
      {counterparts.length === 0 && <p className="hint">{t('registry.noCounterparts')}</p>}

      {panel?.kind === 'counterpart' && (
        <CounterpartForm
          key={panel.counterpart?.id ?? 'new'}
          initial={panel.counterpart ?? undefined}
          onCancel={() => setPanel(null)}
          onSaved={(saved) => {
            done(t('counterpart.saved', { name: saved.institution }));
            void loadCounterparts(saved.id);
          }}
        />
      )}
      {panel?.kind === 'import' && (
        <ImportPanel
          kind="letters"
          onClose={() => setPanel(null)}
          onImported={() => {
            void loadCounterparts();
            void load();
          }}
        />
      )}
      {panel?.kind === 'outgoing' && current && (
        <OutgoingLetterForm
          counterpart={current}
          incoming={entries.filter((entry) => entry.letter.direction === 'incoming' && !entry.letter.annulled).map((entry) => entry.letter)}
          onCancel={() => setPanel(null)}
          onRegistered={(letter) => done(t('letterForm.registered', { number: letter.number, date: letter.expectedReplyBy ?? '—' }), letter.id)}
        />
      )}
      {panel?.kind === 'reply' && (
        <ReplyForm
          key={panel.to.id}
          to={panel.to}
          onCancel={() => setPanel(null)}
          onRegistered={(reply) => done(t('registry.replyRegistered', { number: reply.number, to: panel.to.number }), reply.id)}
        />
      )}
      {notice && <Notice>{notice}</Notice>}

      <RegisterFilters filter={filter} onChange={setFilter} />
      {ledger && <LedgerPanel ledger={ledger} period={filter} />}
      {opened && (
        <LetterCard
          key={opened.letter.id}
          entry={opened}
          entries={entries}
          onOpen={setOpen}
          onReply={() => setPanel({ kind: 'reply', to: opened.letter })}
          onChanged={() => done(t('letterCard.annulledNotice', { number: opened.letter.number }))}
          onClose={() => setOpen(null)}
        />
      )}
      <RegisterTable
        entries={shown}
        total={entries.length}
        selected={open}
        counterpartName={counterpartId ? null : counterpartName}
        onOpen={setOpen}
        onReply={(letter) => setPanel({ kind: 'reply', to: letter })}
      />
    </div>
  );
}
