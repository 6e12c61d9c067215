import { useState } from 'react';
import { DossierList } from './DossierList.tsx';
import { DossierScreen } from './DossierScreen.tsx';
import type { LeaveGuard } from './leave-guard.ts';

/** What the shell asks the page to open: a dossier (or a new one, id null) with incidents to add to it. */
export interface DossierRequest {
  dossierId: string | null;
  incidentIds: string[];
}

interface Props {
  request: DossierRequest | null;
  /** The open dossier's question before the shell leaves it (null when none is open). */
  onLeaveGuard(guard: LeaveGuard | null): void;
}

/** Dossiers: the saved list, or one dossier's screen (opened from the list or from the incident list). */
export function DossiersPage({ request, onLeaveGuard }: Props) {
  const [open, setOpen] = useState<{ request: DossierRequest; key: number } | null>(request ? { request, key: 0 } : null);
  if (!open) return <DossierList onOpen={(dossierId) => setOpen({ request: { dossierId, incidentIds: [] }, key: Date.now() })} />;
  return <DossierScreen key={open.key} dossierId={open.request.dossierId} addIncidentIds={open.request.incidentIds} onBack={() => setOpen(null)} onLeaveGuard={onLeaveGuard} />;
}
