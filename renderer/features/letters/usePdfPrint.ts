import { useCallback, useEffect, useRef } from 'react';

interface Held {
  frame: HTMLIFrameElement;
  url: string;
}

/**
 * Print prints the PDF — its pages, margins and page numbers — not the on-screen preview: the bytes main made are
 * wrapped in a `blob:` URL typed application/pdf (in memory only: no file, no Web Storage, DESIGN.md §2–3), loaded
 * into a hidden frame (the CSP allows `frame-src blob:` for exactly this), and that frame's window is printed once
 * the PDF has loaded. The frame and its URL are released after printing, when the next letter is printed, or when
 * the page goes away — not at once, as Chromium's PDF viewer prints asynchronously from the loaded document.
 */
export function usePdfPrint(): { print(bytes: Uint8Array): void; release(): void } {
  const held = useRef<Held | null>(null);
  const release = useCallback(() => {
    const current = held.current;
    if (!current) return;
    held.current = null;
    current.frame.remove();
    URL.revokeObjectURL(current.url);
  }, []);
  useEffect(() => release, [release]);

  const print = useCallback(
    (bytes: Uint8Array) => {
      release();
      const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
      const frame = document.createElement('iframe');
      // Set through the CSSOM (the CSP allows no inline style attribute): out of sight and out of the layout, but
      // rendered, since Chromium does not print a PDF in a frame that is display: none.
      Object.assign(frame.style, { position: 'fixed', width: '0', height: '0', border: '0', visibility: 'hidden', right: '0', bottom: '0' });
      frame.setAttribute('aria-hidden', 'true');
      frame.tabIndex = -1;
      frame.addEventListener(
        'load',
        () => {
          const view = frame.contentWindow;
          if (!view || held.current?.frame !== frame) return;
          view.addEventListener('afterprint', release, { once: true });
          view.focus();
          view.print();
        },
        { once: true },
      );
      frame.src = url;
      held.current = { frame, url };
      document.body.append(frame);
    },
    [release],
  );
  return { print, release };
}
