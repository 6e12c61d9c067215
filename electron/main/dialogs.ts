import { app, dialog, shell, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { mayOpenWithSystem, type Dialogs, type FileKind } from '../ipc/dialogs.ts';

/** One filter per kind of file main reads or writes; the Record makes a new kind a compile error here. */
const filters: Record<FileKind, Electron.FileFilter[]> = {
  backup: [{ name: 'Ombuds Dossier backup', extensions: ['ombudsbackup'] }],
  'recovery-sheet': [{ name: 'PDF', extensions: ['pdf'] }],
  evidence: [],
  import: [{ name: 'Ombuds Dossier JSON, CSV, Excel', extensions: ['json', 'csv', 'xlsx'] }],
  'export-json': [{ name: 'Ombuds Dossier JSON', extensions: ['json'] }],
  'export-csv': [{ name: 'CSV', extensions: ['csv'] }],
  'export-xlsx': [{ name: 'Excel', extensions: ['xlsx'] }],
  'letter-scan': [{ name: 'PDF, images', extensions: ['pdf', 'png', 'jpg', 'jpeg', 'tif', 'tiff'] }, { name: '*', extensions: ['*'] }],
  'letter-pdf': [{ name: 'PDF', extensions: ['pdf'] }],
  'letter-docx': [{ name: 'Word', extensions: ['docx'] }],
  'letter-file': [],
  emblem: [{ name: 'PNG, JPEG', extensions: ['png', 'jpg', 'jpeg'] }],
  'dossier-pdf': [{ name: 'PDF', extensions: ['pdf'] }],
  'dossier-docx': [{ name: 'Word', extensions: ['docx'] }],
};

/** Suggests the user's Documents folder; some Linux desktops have none, and then the dialog picks its default. */
function suggestedPath(name: string): string {
  try {
    return join(app.getPath('documents'), name);
  } catch {
    return name;
  }
}

/**
 * The Dialogs port over Electron's native dialogs, modal to the main window. Paths come only from here (the
 * user's own choice in a native dialog), never from the renderer (DESIGN.md §2.4).
 */
export function electronDialogs(window: () => BrowserWindow | null): Dialogs {
  return {
    async chooseSavePath(kind, suggestedName) {
      const options: Electron.SaveDialogOptions = {
        defaultPath: suggestedPath(suggestedName),
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
    async chooseOpenPaths(kind) {
      const options: Electron.OpenDialogOptions = { filters: filters[kind], properties: ['openFile', 'multiSelections'] };
      const owner = window();
      const result = await (owner ? dialog.showOpenDialog(owner, options) : dialog.showOpenDialog(options));
      return result.canceled ? [] : result.filePaths;
    },
    async openWithSystem(path) {
      // A second gate under the handler's: whatever asks, only a PDF or DOCX goes to the system.
      if (!mayOpenWithSystem(path)) throw new Error('only a PDF or DOCX is opened with the system');
      const problem = await shell.openPath(path);
      if (problem) throw new Error(problem);
    },
  };
}
