import { APP_ORIGIN, isAppUrl } from './app-url.ts';

/**
 * What the window may load and open, decided from plain URLs; electron/main/window.ts only wires these into
 * Electron's events. The app is offline and links nowhere.
 */

/** A navigation or redirect of the page stays inside the app origin: a dropped file, a stray link or injected markup cannot move it. */
export const mayNavigate = (url: string): boolean => isAppUrl(url);

/** No new window, ever, for any URL (window.open, target=_blank, middle click). */
export const mayOpenWindow = (_url: string): boolean => false;

/**
 * Chromium's built-in PDF viewer, a component extension compiled into Electron (its id is fixed in Chromium's
 * source), and the shared WebUI resources its page loads (a style sheet). Print shows the letter's PDF in it; both
 * are served from the binary itself, never from the network or the disk.
 */
export const PDF_VIEWER_ORIGIN = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai';
export const PDF_VIEWER_RESOURCES = 'chrome://resources/';

/**
 * Requests the session lets through: the app's own origin (not another `app://` host), `data:` (the CSP allows it
 * for images only), `blob:` URLs of the app's own origin (bytes the page holds in memory: Print's PDF) and the
 * built-in PDF viewer that shows them (with its resources), and DevTools' own pages in development. Everything else — http(s), file, ftp,
 * ws, other hosts of our scheme, blobs of any other origin, other extensions and other chrome:// pages — is cancelled, so
 * the window cannot reach a network or the disk even if a bug or injected markup tried to.
 */
export function mayRequest(url: string, development: boolean): boolean {
  return (
    isAppUrl(url) ||
    url.startsWith('data:') ||
    url.startsWith(`blob:${APP_ORIGIN}/`) ||
    url.startsWith(`${PDF_VIEWER_ORIGIN}/`) ||
    url.startsWith(PDF_VIEWER_RESOURCES) ||
    (development && url.startsWith('devtools:'))
  );
}
