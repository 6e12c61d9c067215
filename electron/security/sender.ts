import { isAppUrl } from './app-url.ts';

/**
 * Who sent an IPC call, as plain data taken from Electron's event (electron/main/ipc/register.ts).
 * `frame` is null when the sending frame is gone (destroyed, or navigated away while the call was in flight).
 */
export interface IpcSender {
  /** The sending webContents' id. */
  contentsId: number;
  frame: { url: string; isMainFrame: boolean } | null;
}

/** The app's window as the check needs it: null when there is none or it has been destroyed. */
export interface AppWindow {
  contentsId: number;
}

/**
 * Only our own window's top frame, showing our own content, may call main. Anything else — a destroyed frame, a
 * subframe, a page navigated elsewhere, another webContents (a second window, a webview, DevTools) — is refused
 * before its input is even parsed.
 */
export function isTrustedSender(sender: IpcSender, window: AppWindow | null): boolean {
  return window !== null && sender.contentsId === window.contentsId && sender.frame !== null && sender.frame.isMainFrame && isAppUrl(sender.frame.url);
}
