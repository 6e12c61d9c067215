import { app, dialog, powerMonitor, type BrowserWindow } from 'electron';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../app.ts';
import { mayOpenWindow } from '../security/navigation.ts';
import { electronDialogs } from './dialogs.ts';
import { registerIpc } from './ipc/register.ts';
import { installMenu } from './menu.ts';
import { registerAppScheme, serveRenderer } from './protocol.ts';
import { utilityParseHost } from './utility-parse-host.ts';
import { createMainWindow, defaultPreloadPath, hardenSession } from './window.ts';

// Electron main stays thin: window, menu, dialogs, protocol and IPC wiring. Everything else is plain Node
// behind createApp, shared with the CLI and the end-to-end bridge.
let mainWindow: BrowserWindow | null = null;
let ombuds: App | null = null;

/** Runs once the app is ready. Order matters: the session is locked down before any content can load. */
function start(): void {
  hardenSession();
  // The bundle is dist/electron/main.cjs; the renderer build is its sibling dist/renderer (also inside the asar).
  serveRenderer(join(__dirname, '..', 'renderer'));
  const running = createApp({
    dataDir: join(app.getPath('userData'), 'vault'),
    dialogs: electronDialogs(() => mainWindow),
    actor: userInfo().username,
    parseHost: utilityParseHost(),
  });
  ombuds = running;
  registerIpc(running.router, () => mainWindow);
  installMenu(() => running.lock('user'));
  // A suspended laptop or a locked screen must not leave the case store open behind it.
  powerMonitor.on('suspend', () => running.lock('suspend'));
  powerMonitor.on('lock-screen', () => running.lock('lock-screen'));
  mainWindow = createMainWindow(defaultPreloadPath());
  mainWindow.on('closed', () => (mainWindow = null));
}

// One instance only: two processes writing the same encrypted store would fight over it.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Every renderer is sandboxed, including any a bug might create outside createMainWindow.
  app.enableSandbox();
  registerAppScheme();
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // Without a window there is nothing to report to; say why and leave rather than run half set up.
      dialog.showErrorBox('Ombuds Dossier could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });

  app.on('window-all-closed', () => app.quit());
  // Locks the store (closing it and zeroing keys) and stops timers. Safe if it runs more than once.
  app.on('before-quit', () => ombuds?.dispose());
  // Nothing but our own window may ever exist: no webviews, no popups, from any webContents.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => ({ action: mayOpenWindow(url) ? 'allow' : 'deny' }));
  });
}
