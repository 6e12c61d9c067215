import { readFile } from 'node:fs/promises';
import { extname, normalize, sep } from 'node:path';
import { protocol } from 'electron';
import { resolveAppPath } from '../security/app-path.ts';
import { APP_SCHEME } from '../security/app-url.ts';
import { CONTENT_SECURITY_POLICY } from '../security/csp.ts';

/** What a Vite build emits. Anything else is served as an opaque download type, and `nosniff` keeps it inert. */
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export const mimeType = (path: string): string => MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';

// The policy, and why it allows what it allows, is electron/security/csp.ts (plain data, tested).
const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  // The renderer's files are not case data, but nothing served here should ever land in a disk cache.
  'cache-control': 'no-store',
};

const notFound = () => new Response('not found', { status: 404, headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' } });

/**
 * Must run before the app is ready: `app://` behaves like a secure, standard web origin (relative URLs,
 * same-origin policy, secure context), not like `file://`, which would grant the page the whole disk.
 * `corsEnabled` and `bypassCSP` are deliberately left unset: the former would let other schemes read our
 * responses, the latter would switch the CSP off.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/**
 * Serves the built renderer from `rendererDir`, read-only: GET and HEAD for files inside it, 404 for the rest.
 * Which file a URL may name is decided by the path guard in electron/security/app-path.ts.
 */
export function serveRenderer(rendererDir: string): void {
  const root = normalize(rendererDir + sep);
  protocol.handle(APP_SCHEME, async (request) => {
    const path = resolveAppPath(root, request.url);
    if (!path || (request.method !== 'GET' && request.method !== 'HEAD')) return notFound();
    try {
      const body = await readFile(path);
      return new Response(request.method === 'HEAD' ? null : body, { headers: { ...SECURITY_HEADERS, 'content-type': mimeType(path) } });
    } catch {
      return notFound(); // missing file or a directory: say nothing about which
    }
  });
}
