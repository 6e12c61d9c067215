import type { EvidenceRecordValue } from '../../../shared/ipc/contract.ts';
import type { Result } from '../../../shared/ipc/result.ts';
import { call } from '../../bridge.ts';

/**
 * Sends files dropped onto the window to main as their bytes, one file after another, each in the chunks main
 * asks for; main checks the limits, stores the bytes and computes the SHA-256. Main never reads a path the window
 * names, so the window has none to give. Stops at the first refusal, keeping the files already stored (as the
 * picker does); a refused file leaves nothing behind.
 */
export async function sendDropped(incidentId: string, files: readonly File[]): Promise<Result<EvidenceRecordValue[]>> {
  const stored: EvidenceRecordValue[] = [];
  for (const file of files) {
    const started = await call('evidence:dropStart', { incidentId, fileName: file.name || 'dropped-file', size: file.size });
    if (!started.ok) return { ok: false, error: started.error };
    const { dropId, chunkBytes } = started.value;
    for (let index = 0, offset = 0; offset < file.size; index += 1, offset += chunkBytes) {
      let bytes: Uint8Array<ArrayBuffer>;
      try {
        // One chunk in memory at a time: a large video is never read whole into the window.
        bytes = new Uint8Array(await file.slice(offset, offset + chunkBytes).arrayBuffer());
      } catch {
        await call('evidence:dropCancel', { dropId });
        return { ok: false, error: { code: 'io-error' } };
      }
      const sent = await call('evidence:dropChunk', { dropId, index, bytes });
      if (!sent.ok) return { ok: false, error: sent.error }; // main has ended the drop and removed what it stored
    }
    const finished = await call('evidence:dropFinish', { dropId });
    if (!finished.ok) return { ok: false, error: finished.error };
    stored.push(finished.value);
  }
  return { ok: true, value: stored };
}

/** The files of a drop, without folders (a dropped folder shows up as a File that cannot be read). */
export function droppedFiles(transfer: DataTransfer): File[] {
  const items = [...transfer.items];
  if (items.length === 0) return [...transfer.files];
  return items.flatMap((item) => {
    if (item.kind !== 'file' || item.webkitGetAsEntry?.()?.isDirectory) return [];
    const file = item.getAsFile();
    return file ? [file] : [];
  });
}
