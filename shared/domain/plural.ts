/** An English count with its noun in the right number: `plural(1, 'problem')` → "1 problem", 2 → "2 problems". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
