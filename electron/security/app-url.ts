/**
 * The renderer's one origin, `app://ombuds`. Every check on a URL (navigation, the IPC sender, requests) compares
 * against it. Plain data in, a decision out: no 'electron' import, so test/unit/window-guards.test.ts covers it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'ombuds';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * True for the app origin itself and anything below it. A prefix match on the origin followed by `/` (or
 * nothing): `app://ombuds.evil`, `app://ombuds@evil`, `app://ombuds:1`, `app://evil`, `file:`, `http:`,
 * `javascript:` and `data:` URLs all fail. (Chromium hands over URLs serialized, so scheme and host are lower case.)
 */
export const isAppUrl = (url: string): boolean => url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
