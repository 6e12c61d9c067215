/**
 * The only content security policy the window ever runs under: no remote origin, no inline script or style, no
 * plugin content (`object-src 'none'`), no <base> rewriting, no form posts, no framing of the app. Main sends it as a
 * header on every response (electron/main/protocol.ts); renderer/index.html repeats it in a meta tag (all but
 * `frame-ancestors`, which a meta tag cannot carry), and the e2e harness serves the built renderer with it.
 * test/unit/window-guards.test.ts keeps all three equal.
 *
 * `frame-src blob:` is the one frame the window may hold: Print loads the letter's PDF, made by main and held in
 * memory as a `blob:` URL of the window's own origin, into a hidden frame and prints it there (Chromium's PDF viewer
 * lays out the real pages, margins and page numbers). A `blob:` URL can only name bytes the page itself made, never
 * the network or the disk.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
