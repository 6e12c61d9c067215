/** Today as an ISO date in the user's own time zone (a letter registered at 1 a.m. is dated today, not yesterday). */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
