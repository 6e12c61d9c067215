import { BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { APP_ORIGIN } from '../security/app-url.ts';
import { mayNavigate, mayOpenWindow, mayRequest } from '../security/navigation.ts';
import { isDevelopment } from './development.ts';

// The decisions (which URLs the window may load, navigate to or open) live in electron/security/navigation.ts with
// their tests; this file only wires them into Electron.

/**
 * Locks down the default session (the only one the window uses): every permission request and check is denied
 * (camera, notifications, clipboard-read, HID/USB/serial, …), and every request that is not for the app's own
 * protocol is cancelled, so the window cannot reach any network even if a bug or injected markup tried to.
 */
export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // Spell-check dictionaries would be downloaded from a Google CDN.
  ses.setSpellCheckerEnabled(false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !mayRequest(details.url, isDevelopment()) }));
  // Nothing from an earlier run (or an earlier version's renderer) is served from a cache.
  void ses.clearCache();
}

/** The one application window. Every webPreference that matters for security is spelled out, not defaulted. */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Ombuds Dossier',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // Print shows the letter's PDF in Chromium's built-in PDF viewer (electron/security/csp.ts, frame-src blob:),
      // which Electron loads only with plugins on. It is the only plugin Electron has (no Flash, no NPAPI/PPAPI
      // loading), and the CSP's object-src 'none' still keeps <object>/<embed> out of the app's own pages.
      plugins: true,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // Middle-click would open links in a new window.
      disableBlinkFeatures: 'Auxclick',
      devTools: isDevelopment(),
    },
  });
  const contents = window.webContents;
  // The page never leaves the app origin: a dropped file, a stray link or injected markup cannot navigate it.
  contents.on('will-navigate', (event, url) => {
    if (!mayNavigate(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!mayNavigate(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // No new windows, ever. The app is offline and links nowhere.
  contents.setWindowOpenHandler(({ url }) => ({ action: mayOpenWindow(url) ? 'allow' : 'deny' }));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

/** The preload bundle sits next to the main bundle in dist/electron (see scripts/build-electron.mjs). */
export const defaultPreloadPath = (): string => join(__dirname, 'preload.cjs');
