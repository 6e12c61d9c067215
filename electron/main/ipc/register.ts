import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { channelNames } from '../../../shared/ipc/channels.ts';
import { fail } from '../../../shared/ipc/result.ts';
import type { Router } from '../../ipc/router.ts';
import { APP_ORIGIN } from '../protocol.ts';

/** Only our own window, showing our own content, may call main. */
function isTrustedSender(event: IpcMainInvokeEvent, window: () => BrowserWindow | null): boolean {
  const ours = window();
  const frameUrl = event.senderFrame?.url ?? '';
  return ours !== null && event.sender.id === ours.webContents.id && frameUrl.startsWith(`${APP_ORIGIN}/`);
}

/** The one place that calls ipcMain.handle: every contract channel goes through the validating router. */
export function registerIpc(router: Router, window: () => BrowserWindow | null): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, input: unknown) =>
      isTrustedSender(event, window) ? router.handle(channel, input) : fail({ code: 'invalid-input', detail: 'untrusted sender' }),
    );
  }
}
