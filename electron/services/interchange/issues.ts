import type { z } from 'zod';

/**
 * One problem in an interchange file, named by its JSON path (`$.incidents[3].startDate`). The message names the
 * rule broken, never the value found: the file's content stays out of reports, logs and terminals.
 */
export interface ImportIssue {
  path: string;
  problem: 'invalid' | 'unknown-field' | 'unknown-code' | 'dangling-id' | 'duplicate-id' | 'duplicate-number' | 'reply-before-letter' | 'other-counterpart' | 'reply-cycle' | 'malformed-json';
  message: string;
}

export function jsonPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>(
    (path, segment) => (typeof segment === 'number' ? `${path}[${segment}]` : /^[A-Za-z_$][\w$]*$/.test(String(segment)) ? `${path}.${String(segment)}` : `${path}[${JSON.stringify(String(segment))}]`),
    '$',
  );
}

/** Zod's issues as ImportIssues under `base`; an unknown key is reported at its own path. */
export function fromZod(base: readonly PropertyKey[], error: z.ZodError): ImportIssue[] {
  return error.issues.flatMap((issue): ImportIssue[] => {
    const at = [...base, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: jsonPath([...at, key]), problem: 'unknown-field', message: 'unknown field' }));
    }
    return [{ path: jsonPath(at), problem: 'invalid', message: issue.message }];
  });
}
