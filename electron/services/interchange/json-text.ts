import type { ImportIssue } from './issues.ts';

/** A JSON file's text read as a value, or the one problem that stopped it: where the text is not JSON. */
export type JsonRead = { value: unknown } | { issue: ImportIssue };

/** V8's messages quote the text around the error (`Unexpected token 'x', "{"name": x…" is not valid JSON`): only the place is kept. */
function malformedJsonMessage(error: unknown): string {
  const at = /\(line (\d+) column (\d+)\)/.exec(error instanceof Error ? error.message : '');
  return at ? `not valid JSON (line ${at[1]}, column ${at[2]})` : 'not valid JSON';
}

/**
 * JSON text to a value. Kept apart from the checks against the store so an import can run it in the isolated
 * parsing process (electron/services/isolation), where a file that needs more memory than allowed cannot take
 * the app down.
 */
export function readJsonValue(text: string): JsonRead {
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    return { issue: { path: '$', problem: 'malformed-json', message: malformedJsonMessage(error) } };
  }
}
