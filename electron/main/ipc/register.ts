import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { channels } from '../../../shared/ipc/contract.ts';
import { fail } from '../../../shared/ipc/result.ts';
import type { Router } from '../../ipc/router.ts';
import { isTrustedSender, type AppWindow, type IpcSender } from '../../security/sender.ts';

/** The sender as plain data for the check in electron/security/sender.ts (where its tests are). */
function senderOf(event: IpcMainInvokeEvent): IpcSender {
  let frame: IpcSender['frame'] = null;
  try {
    const sending = event.senderFrame;
    if (sending) frame = { url: sending.url, isMainFrame: sending.parent === null };
  } catch {
    // A frame disposed while the call was in flight throws on access: it is gone, so it is not trusted.
  }
  return { contentsId: event.sender.id, frame };
}

function appWindowOf(window: BrowserWindow | null): AppWindow | null {
  return window && !window.isDestroyed() ? { contentsId: window.webContents.id } : null;
}

const untrusted = () => fail({ code: 'invalid-input', detail: 'untrusted sender' });

/**
 * The one place that calls ipcMain.handle (lint refuses ipcMain anywhere else). Every contract channel (and
 * nothing else) goes through the router, which validates the input against the contract and returns errors as
 * values, so no handler ever throws across IPC and no stack trace reaches the renderer. A call from anything but
 * our window's top frame showing our own content is refused before its input is parsed.
 */
export function registerIpc(router: Router, window: () => BrowserWindow | null): void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, input: unknown) => (isTrustedSender(senderOf(event), appWindowOf(window())) ? router.handle(channel, input) : untrusted()));
  }
}
