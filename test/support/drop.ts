import { DROP_CHUNK_BYTES } from '../../shared/domain/evidence-drop.ts';
import type { Router } from '../../electron/ipc/router.ts';
import type { Result } from '../../shared/ipc/result.ts';

/**
 * Drops a file onto the evidence panel the way the window does: its name, size and bytes in 1 MiB chunks over the
 * evidence:drop* channels (main never gets a path). Returns the first refusal, or the stored record.
 */
export async function dropBytes(router: Router, incidentId: string, fileName: string, bytes: Buffer): Promise<Result<unknown>> {
  const started = await router.handle('evidence:dropStart', { incidentId, fileName, size: bytes.length });
  if (!started.ok) return started;
  const { dropId } = started.value as { dropId: string };
  for (let index = 0, offset = 0; offset < bytes.length; index += 1, offset += DROP_CHUNK_BYTES) {
    const sent = await router.handle('evidence:dropChunk', { dropId, index, bytes: new Uint8Array(bytes.subarray(offset, offset + DROP_CHUNK_BYTES)) });
    if (!sent.ok) return sent;
  }
  return router.handle('evidence:dropFinish', { dropId });
}
