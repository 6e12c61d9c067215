/**
 * The last line of an exhaustive switch over a string-literal union: once every member has its case, the value here
 * has type `never`, so adding a member (a new block kind, a new state) is a compile error at every switch that does
 * not handle it yet. At run time it is reached only by data that bypassed validation; the message names what was
 * unhandled, never the value (it may hold case data).
 */
export function assertNever(_value: never, what: string): never {
  throw new Error(`unhandled ${what}`);
}
