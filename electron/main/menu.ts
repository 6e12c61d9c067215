import { app, Menu, type MenuItemConstructorOptions } from 'electron';

/** The application menu: lock (Ctrl/Cmd+L), standard edit commands, reload only for developers. */
export function installMenu(onLock: () => void): void {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Lock', accelerator: 'CmdOrCtrl+L', click: onLock },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    ...(app.isPackaged ? [] : [{ label: 'View', submenu: [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }] }]),
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
