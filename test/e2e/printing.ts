import { expect } from 'vitest';
import type { Harness } from './harness.ts';

export type PrintWindow = Window & { __printed: string[]; __revoked: string[]; __blobs: Record<string, Blob> };

/**
 * Watches Print in the page: every blob: URL made (with its Blob) and revoked, and every print() called in a frame
 * loaded from a blob: URL — recorded there instead of opening the system dialog (an init script runs in every frame
 * as it loads, before the page's load handler calls print()).
 */
export async function watchPrinting(h: Harness): Promise<void> {
  await h.context.addInitScript(() => {
    if (location.protocol !== 'blob:') return;
    window.print = () => (window.top as PrintWindow).__printed.push(location.href);
  });
  await h.page.evaluate(() => {
    const w = window as unknown as PrintWindow;
    Object.assign(w, { __printed: [], __revoked: [], __blobs: {} });
    const create = URL.createObjectURL.bind(URL);
    const revoke = URL.revokeObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob) => {
      const url = create(blob);
      w.__blobs[url] = blob;
      return url;
    };
    URL.revokeObjectURL = (url: string) => (w.__revoked.push(url), revoke(url));
  });
}

/** The n-th printed frame (1-based): its blob: URL, the Blob's type and bytes, whether a frame still shows it, and which URLs were revoked. */
export async function printedFrame(h: Harness, n: number): Promise<{ url: string; type: string; bytes: Buffer; framed: boolean; revoked: string[] }> {
  await expect.poll(() => h.page.evaluate(() => (window as unknown as PrintWindow).__printed.length)).toBeGreaterThanOrEqual(n);
  const seen = await h.page.evaluate(async (index) => {
    const w = window as unknown as PrintWindow;
    const url = w.__printed[index]!;
    const blob = w.__blobs[url]!;
    return { url, type: blob.type, bytes: Array.from(new Uint8Array(await blob.arrayBuffer())), revoked: [...w.__revoked] };
  }, n - 1);
  return { ...seen, bytes: Buffer.from(seen.bytes), framed: h.page.frames().some((frame) => frame.url() === seen.url) };
}
