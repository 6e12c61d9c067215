import type { ChannelOutput } from '../../../shared/ipc/contract.ts';

/** One line of the register as main computes it: the letter, its state on the day, days waiting, its replies. */
export type RegisterEntry = ChannelOutput<'letters:list'>[number];
export type RegisterState = RegisterEntry['state'];
export const registerStates: readonly RegisterState[] = ['waiting', 'overdue', 'answered', 'received', 'annulled'];

/** What the register shows: direction, state and a period (the period also bounds the ledger). */
export interface RegisterFilter {
  direction: '' | 'outgoing' | 'incoming';
  state: '' | RegisterState;
  from: string;
  to: string;
}
export const noFilter: RegisterFilter = { direction: '', state: '', from: '', to: '' };

export function applyFilter(entries: readonly RegisterEntry[], filter: RegisterFilter): RegisterEntry[] {
  return entries.filter(
    ({ letter, state }) =>
      (!filter.direction || letter.direction === filter.direction) && (!filter.state || state === filter.state) && (!filter.from || letter.date >= filter.from) && (!filter.to || letter.date <= filter.to),
  );
}
