import { dialog, type BrowserWindow } from 'electron';
import type { Dialogs, FileKind } from '../ipc/dialogs.ts';

const filters: Record<FileKind, Electron.FileFilter[]> = {
  backup: [{ name: 'Ombuds Dossier backup', extensions: ['ombudsbackup'] }],
  'recovery-sheet': [{ name: 'PDF', extensions: ['pdf'] }],
};

/** The Dialogs port over Electron's native dialogs, modal to the main window. */
export function electronDialogs(window: () => BrowserWindow | null): Dialogs {
  return {
    async chooseSavePath(kind, suggestedName) {
      const options: Electron.SaveDialogOptions = {
        defaultPath: suggestedName,
        filters: filters[kind],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const owner = window();
      const result = await (owner ? dialog.showSaveDialog(owner, options) : dialog.showSaveDialog(options));
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseOpenPath(kind) {
      const options: Electron.OpenDialogOptions = { filters: filters[kind], properties: ['openFile'] };
      const owner = window();
      const result = await (owner ? dialog.showOpenDialog(owner, options) : dialog.showOpenDialog(options));
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
