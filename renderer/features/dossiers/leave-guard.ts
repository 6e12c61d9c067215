/**
 * Asked by the shell before it navigates away from a dossier (a sidebar click, the registry reminder): true when the
 * screen holds unsaved changes and is asking first (Save / Discard / Stay) — it then calls `leave` itself once staff
 * chose Save (after the save succeeded) or Discard; false when there is nothing to lose and the shell may go at once.
 */
export type LeaveGuard = (leave: () => void) => boolean;
