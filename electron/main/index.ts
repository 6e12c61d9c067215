import { app, powerMonitor, type BrowserWindow } from 'electron';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../app.ts';
import { electronDialogs } from './dialogs.ts';
import { registerIpc } from './ipc/register.ts';
import { installMenu } from './menu.ts';
import { registerAppScheme, serveRenderer } from './protocol.ts';
import { createMainWindow, defaultPreloadPath, hardenSession } from './window.ts';

// Electron main stays thin: window, menu, dialogs and IPC wiring. Everything else is plain Node in createApp.
let mainWindow: BrowserWindow | null = null;
let ombuds: App | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });

  app.whenReady().then(() => {
    hardenSession();
    serveRenderer(join(__dirname, '..', 'renderer'));
    ombuds = createApp({
      dataDir: join(app.getPath('userData'), 'vault'),
      dialogs: electronDialogs(() => mainWindow),
      actor: userInfo().username,
    });
    const lock = ombuds.lock;
    registerIpc(ombuds.router, () => mainWindow);
    installMenu(() => lock('user'));
    powerMonitor.on('suspend', () => lock('suspend'));
    powerMonitor.on('lock-screen', () => lock('lock-screen'));
    mainWindow = createMainWindow(defaultPreloadPath());
    mainWindow.on('closed', () => (mainWindow = null));
  });

  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => ombuds?.dispose());
  // Nothing but our own window, made above, may ever exist.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
