/**
 * The file-dialog port. Main implements it with Electron's dialogs; tests and the e2e bridge supply paths
 * directly. The renderer never hands main a path: it asks for an action and main asks this port.
 */
export type FileKind = 'backup' | 'recovery-sheet' | 'evidence' | 'import' | 'export-json' | 'export-csv' | 'export-xlsx' | 'letter-scan' | 'letter-pdf' | 'letter-docx' | 'letter-file' | 'emblem' | 'dossier-pdf' | 'dossier-docx';

/**
 * The only files handed to the system to open: the app's own rendered letters. Anything else (a scan or evidence
 * kept with its original name) could be a program, a script or a web page, and is only ever saved.
 */
export const OPENABLE_EXTENSIONS: readonly string[] = ['.pdf', '.docx'];
export const mayOpenWithSystem = (path: string) => OPENABLE_EXTENSIONS.some((extension) => path.toLowerCase().endsWith(extension));

export interface Dialogs {
  /** Returns the chosen path, or null when the user cancels. */
  chooseSavePath(kind: FileKind, suggestedName: string): Promise<string | null>;
  chooseOpenPath(kind: FileKind): Promise<string | null>;
  /** Several files at once (evidence); an empty list when the user cancels. */
  chooseOpenPaths(kind: FileKind): Promise<string[]>;
  /** Opens a file the user just saved (a registered letter's PDF or DOCX) in the program the system uses for it. */
  openWithSystem(path: string): Promise<void>;
}
