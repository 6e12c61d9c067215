import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { channels } from '../../../shared/ipc/contract.ts';
import { fail } from '../../../shared/ipc/result.ts';
import type { Router } from '../../ipc/router.ts';
import { isAppUrl } from '../protocol.ts';

/**
 * Only our own window's top frame, showing our own content, may call main. Anything else (a destroyed frame,
 * a subframe, a page navigated elsewhere, another webContents) is refused before its input is even parsed.
 */
function isTrustedSender(event: IpcMainInvokeEvent, window: () => BrowserWindow | null): boolean {
  const ours = window();
  const frame = event.senderFrame;
  return ours !== null && !ours.isDestroyed() && event.sender.id === ours.webContents.id && frame !== null && frame.parent === null && isAppUrl(frame.url);
}

const untrusted = () => fail({ code: 'invalid-input', detail: 'untrusted sender' });

/**
 * The one place that calls ipcMain.handle. Every contract channel (and nothing else) goes through the router,
 * which validates the input against the contract and returns errors as values, so no handler ever throws
 * across IPC and no stack trace reaches the renderer.
 */
export function registerIpc(router: Router, window: () => BrowserWindow | null): void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, input: unknown) => (isTrustedSender(event, window) ? router.handle(channel, input) : untrusted()));
  }
}
