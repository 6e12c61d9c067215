import { textEntities } from '../../../shared/domain/translations.ts';
import { languageSchema } from '../../../shared/domain/vault.ts';
import { AppError } from '../../errors/app-error.ts';
import { EXIT } from '../messages.ts';
import { cliServices } from '../services.ts';
import { actor, withVault, type Command } from './vault-commands.ts';

/**
 * `translate --entity incident --id ID --field title --lang tg --text "…"`: a text a letter draft listed as missing
 * in its language, saved back to its record (audited), as the window's translation box does. The text is never
 * printed back.
 */
const translate: Command = async (options, io) => {
  const { entity, id, field, text } = options;
  if (!entity || !(textEntities as readonly string[]).includes(entity)) throw new AppError('invalid-input', { detail: `--entity must be one of ${textEntities.join(', ')}` });
  if (!id) throw new AppError('invalid-input', { detail: 'missing --id (for a source INCIDENT/INDEX, for the office: office)' });
  if (!field) throw new AppError('invalid-input', { detail: 'missing --field' });
  const language = languageSchema.safeParse(options.lang);
  if (!language.success) throw new AppError('invalid-input', { detail: '--lang must be ru, tg or en' });
  if (text === undefined) throw new AppError('invalid-input', { detail: 'missing --text' });
  await withVault(options, (vault) => cliServices(vault, actor()).records.saveTranslation({ entity, id, field, language: language.data, text }));
  io.out(`saved ${entity} ${field} (${language.data})`);
  return EXIT.ok;
};

export const translationCommands: Record<string, Command> = { translate };
