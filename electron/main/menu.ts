import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import { isDevelopment } from './development.ts';

/**
 * The application menu: File (Lock with Ctrl/Cmd+L, Quit), the standard Edit commands (so copy/paste shortcuts
 * work in forms), View only for developers, Help → About. Reload is a developer tool: for a user it would drop
 * the renderer's state mid-task.
 */
export function installMenu(onLock: () => void): void {
  const mac = process.platform === 'darwin';
  app.setAboutPanelOptions({ applicationName: 'Ombuds Dossier', applicationVersion: app.getVersion() });
  const template: MenuItemConstructorOptions[] = [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Lock', accelerator: 'CmdOrCtrl+L', click: onLock },
        // On macOS, Quit lives in the app menu.
        ...(mac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }]),
      ],
    },
    { role: 'editMenu' },
    ...(isDevelopment() ? [{ label: 'View', submenu: [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }] }] : []),
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ role: 'about' }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
