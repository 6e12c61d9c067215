import { isoDateSchema } from '../../../shared/domain/records.ts';
import { localToday } from '../../../shared/domain/calendar.ts';
import { plural } from '../../../shared/domain/plural.ts';
import { AppError } from '../../errors/app-error.ts';
import { EXIT } from '../messages.ts';
import { printable, printableJson, printableRow } from '../printable.ts';
import { cliServices } from '../services.ts';
import { actor, withVault, type Command } from './vault-commands.ts';

const today = () => localToday();

function dates(options: { asOf?: string; from?: string; to?: string }): string {
  for (const [flag, value] of [['--as-of', options.asOf], ['--from', options.from], ['--to', options.to]] as const) {
    if (value !== undefined && !isoDateSchema.safeParse(value).success) throw new AppError('invalid-input', { detail: `${flag} must be a date YYYY-MM-DD` });
  }
  return options.asOf ?? today();
}

export const registryCommands: Record<string, Command> = {
  /** The register: every letter (or one counterpart's, or only the overdue ones), oldest first. */
  async letters(options, io) {
    const asOf = dates(options);
    const entries = await withVault(options, (vault) => cliServices(vault, actor()).registry.register(options.counterpart, asOf));
    const rows = entries.filter((entry) => !options.overdue || entry.state === 'overdue').map((entry) => ({ ...entry.letter, state: entry.state, daysWaiting: entry.daysWaiting, replies: entry.replies }));
    // Numbers, ids and subjects come from imported registers: escaped, so a control code cannot reach the terminal.
    if (options.json) io.out(printableJson(rows));
    else for (const row of rows) io.out(printableRow([row.number, row.date, row.direction, row.counterpartId, row.state, row.expectedReplyBy ?? '', row.subject]));
    return EXIT.ok;
  },

  /** What was asked of one counterpart and what came back, as of today (or --as-of). */
  async ledger(options, io) {
    if (!options.counterpart) throw new AppError('invalid-input', { detail: 'missing --counterpart' });
    const counterpart = options.counterpart;
    const asOf = dates(options);
    const ledger = await withVault(options, (vault) => cliServices(vault, actor()).registry.ledger(counterpart, asOf, { from: options.from, to: options.to }));
    if (options.json) {
      io.out(printableJson({ counterpartId: counterpart, asOf, ...ledger }));
      return EXIT.ok;
    }
    io.out(`sent ${ledger.sent} · answered ${ledger.answered} · unanswered ${ledger.unanswered} · overdue ${ledger.overdue}`);
    if (ledger.oldestUnanswered) io.out(`oldest unanswered: ${printable(ledger.oldestUnanswered.number)} of ${ledger.oldestUnanswered.date}, waiting ${plural(ledger.oldestUnanswered.daysWaiting, 'day')}`);
    if (ledger.medianDaysToReply !== null) io.out(`median days to reply: ${ledger.medianDaysToReply}`);
    for (const month of ledger.timeline) io.out(`${month.month}\tsent ${month.sent}\tanswered ${month.answered}`);
    return EXIT.ok;
  },
};
