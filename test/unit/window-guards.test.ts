import { readFileSync } from 'node:fs';
import { posix, win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPath } from '../../electron/security/app-path.ts';
import { APP_ORIGIN, isAppUrl } from '../../electron/security/app-url.ts';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/csp.ts';
import { mayNavigate, mayOpenWindow, mayRequest, PDF_VIEWER_ORIGIN } from '../../electron/security/navigation.ts';
import { isTrustedSender, type IpcSender } from '../../electron/security/sender.ts';

// The checks that guard the window, as plain functions (electron/security/); electron/main only wires them in.

const OURS = ['app://ombuds', 'app://ombuds/', 'app://ombuds/index.html', 'app://ombuds/assets/index-3f2a.js?v=1#top'];

/** URLs a page, a link, a redirect or injected markup might try, none of which is the app. */
const FOREIGN = [
  'app://evil/',
  'app://evil/index.html',
  'app://app.evil/',
  'app://ombuds.evil',
  'app://ombuds.evil/index.html',
  'app://ombudsevil/',
  'app://ombuds@evil/',
  'app://ombuds:8080/',
  'app:ombuds/index.html',
  'app:/ombuds/index.html',
  ' app://ombuds/',
  'APP://ombuds.evil/',
  'file:///etc/passwd',
  'file://ombuds/index.html',
  'http://localhost/',
  'http://localhost:5173/',
  'http://127.0.0.1/',
  'https://ombuds/',
  'ws://localhost:9229/',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'blob:app://ombuds/6f1c',
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  '',
];

describe('isAppUrl: the one origin', () => {
  it('accepts the app origin and what is below it', () => {
    expect(APP_ORIGIN).toBe('app://ombuds');
    for (const url of OURS) expect(isAppUrl(url), url).toBe(true);
  });

  it('refuses other hosts of our scheme, look-alike hosts, credentials, ports and every other scheme', () => {
    for (const url of FOREIGN) expect(isAppUrl(url), url).toBe(false);
  });
});

describe('resolveAppPath: the app:// path guard', () => {
  const root = '/opt/ombuds/renderer/';
  const resolve = (url: string) => resolveAppPath(root, url, posix);

  it('maps the app origin to files of the renderer build', () => {
    expect(resolve('app://ombuds/')).toBe('/opt/ombuds/renderer/index.html');
    expect(resolve('app://ombuds')).toBe('/opt/ombuds/renderer/index.html');
    expect(resolve('app://ombuds/assets/index-3f2a.js')).toBe('/opt/ombuds/renderer/assets/index-3f2a.js');
    expect(resolve('app://ombuds/fonts/%D1%84.woff2')).toBe('/opt/ombuds/renderer/fonts/ф.woff2');
  });

  it('never lets the query or the hash reach the path', () => {
    expect(resolve('app://ombuds/index.html?file=../../etc/passwd#../../../etc/shadow')).toBe('/opt/ombuds/renderer/index.html');
  });

  it('keeps dot segments, plain or percent-encoded, inside the folder', () => {
    // The URL parser resolves these before the guard sees them: they land inside the folder (and are 404s there).
    expect(resolve('app://ombuds/../../etc/passwd')).toBe('/opt/ombuds/renderer/etc/passwd');
    expect(resolve('app://ombuds/%2e%2e/%2e%2e/etc/passwd')).toBe('/opt/ombuds/renderer/etc/passwd');
    expect(resolve('app://ombuds/%2E%2E/%2E%2E/etc/passwd')).toBe('/opt/ombuds/renderer/etc/passwd');
    expect(resolve('app://ombuds/assets/..')).toBe('/opt/ombuds/renderer/index.html');
    // Decoded once only: a double-encoded `..` is a folder named `%2e%2e` inside the build.
    expect(resolve('app://ombuds/%252e%252e/%252e%252e/etc/passwd')).toBe('/opt/ombuds/renderer/%2e%2e/%2e%2e/etc/passwd');
  });

  it('refuses what would leave the folder once decoded: encoded slashes with `..`, a sibling folder', () => {
    expect(resolve('app://ombuds/..%2f..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolve('app://ombuds/assets%2f..%2f..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolve('app://ombuds/..%2frenderer-old%2findex.html')).toBeNull();
    expect(resolve('app://ombuds/..%2f')).toBeNull();
  });

  it('treats an absolute path in the URL as a path inside the folder', () => {
    expect(resolve('app://ombuds//etc/passwd')).toBe('/opt/ombuds/renderer/etc/passwd');
    expect(resolve('app://ombuds/%2fetc%2fpasswd')).toBe('/opt/ombuds/renderer/etc/passwd');
  });

  it('refuses NUL bytes, backslashes and colons anywhere in the decoded path', () => {
    for (const url of ['app://ombuds/index.html%00.png', 'app://ombuds/%00', 'app://ombuds/..%5c..%5cetc%5cpasswd', 'app://ombuds/a\\b.js', 'app://ombuds/index.html:stream', 'app://ombuds/C:%2fWindows%2fwin.ini']) {
      expect(resolve(url), url).toBeNull();
    }
  });

  it('refuses other hosts and schemes, credentials, ports and malformed URLs or percent-encoding', () => {
    // The URL parser trims the space of ' app://ombuds/', so that one names the origin here (isAppUrl refuses it).
    const foreign = FOREIGN.filter((url) => url !== ' app://ombuds/');
    for (const url of [...foreign, 'app://user:secret@ombuds/index.html', 'app://ombuds/%E0%A4%A', 'app://ombuds/%', 'not a url']) {
      expect(resolve(url), url).toBeNull();
    }
  });

  it('holds under Windows path rules too (drive letters, UNC paths, backslashes)', () => {
    const windowsRoot = 'C:\\Program Files\\Ombuds Dossier\\resources\\renderer\\';
    const onWindows = (url: string) => resolveAppPath(windowsRoot, url, win32);
    expect(onWindows('app://ombuds/assets/index.js')).toBe('C:\\Program Files\\Ombuds Dossier\\resources\\renderer\\assets\\index.js');
    expect(onWindows('app://ombuds//server/share/x')).toBe('C:\\Program Files\\Ombuds Dossier\\resources\\renderer\\server\\share\\x');
    for (const url of [
      'app://ombuds/..%2f..%2f..%2f..%2fWindows%2fwin.ini',
      'app://ombuds/..%5c..%5c..%5c..%5cWindows%5cwin.ini',
      'app://ombuds/%5c%5cserver%5cshare%5cx',
      'app://ombuds/C:%2fWindows%2fwin.ini',
      'app://ombuds/index.html::$DATA',
    ]) {
      expect(onWindows(url), url).toBeNull();
    }
  });
});

describe('isTrustedSender: only our window\'s top frame, showing our content, may call main', () => {
  const window = { contentsId: 7 };
  const sender = (changes: Partial<IpcSender> = {}): IpcSender => ({ contentsId: 7, frame: { url: 'app://ombuds/index.html', isMainFrame: true }, ...changes });

  it('trusts our window\'s main frame on the app origin', () => {
    expect(isTrustedSender(sender(), window)).toBe(true);
    expect(isTrustedSender(sender({ frame: { url: 'app://ombuds/', isMainFrame: true } }), window)).toBe(true);
  });

  it('refuses a subframe, even one showing our own origin', () => {
    expect(isTrustedSender(sender({ frame: { url: 'app://ombuds/index.html', isMainFrame: false } }), window)).toBe(false);
  });

  it('refuses another window, a webview or DevTools (another webContents)', () => {
    expect(isTrustedSender(sender({ contentsId: 8 }), window)).toBe(false);
  });

  it('refuses everything when our window is gone, and a frame that is gone', () => {
    expect(isTrustedSender(sender(), null)).toBe(false);
    expect(isTrustedSender(sender({ frame: null }), window)).toBe(false);
  });

  it('refuses our window\'s main frame once it shows anything but our content', () => {
    for (const url of FOREIGN) expect(isTrustedSender(sender({ frame: { url, isMainFrame: true } }), window), url).toBe(false);
  });
});

describe('navigation, new windows and requests', () => {
  it('lets the page navigate only within the app origin', () => {
    for (const url of OURS) expect(mayNavigate(url), url).toBe(true);
    for (const url of FOREIGN) expect(mayNavigate(url), url).toBe(false);
  });

  it('opens no new window, for any URL, ours included', () => {
    for (const url of [...OURS, ...FOREIGN]) expect(mayOpenWindow(url), url).toBe(false);
  });

  it('lets requests reach only our origin, data: URLs, our own blob: URLs and the built-in PDF viewer; DevTools pages only in development', () => {
    for (const url of OURS) expect(mayRequest(url, false), url).toBe(true);
    expect(mayRequest('data:image/png;base64,iVBORw0KGgo=', false)).toBe(true);
    // Print's PDF: bytes the page holds in memory under its own origin, shown by Chromium's PDF viewer.
    expect(mayRequest('blob:app://ombuds/6f1c', false)).toBe(true);
    // (the viewer's page and the shared style sheet it loads: seen in Chromium by test/e2e/letters.e2e.ts)
    expect(mayRequest(`${PDF_VIEWER_ORIGIN}/index.html`, false)).toBe(true);
    expect(mayRequest('chrome://resources/css/text_defaults_md.css', false)).toBe(true);
    for (const url of ['blob:app://evil/6f1c', 'blob:app://ombuds.evil/6f1c', 'blob:http://localhost/6f1c', 'blob:null/6f1c', 'blob:file:///6f1c', 'chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/x.html', `${PDF_VIEWER_ORIGIN}.evil/`, 'chrome://resources.evil/x.css', 'chrome://settings/']) {
      expect(mayRequest(url, false), url).toBe(false);
    }
    const refused = FOREIGN.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:app://ombuds/'));
    for (const url of refused) expect(mayRequest(url, false), url).toBe(false);
    // Another host of our own scheme never reaches the protocol handler.
    expect(mayRequest('app://evil/index.html', false)).toBe(false);
    expect(mayRequest('devtools://devtools/bundled/inspector.html', true)).toBe(true);
    for (const url of refused.filter((url) => !url.startsWith('devtools:'))) expect(mayRequest(url, true), url).toBe(false);
  });
});

describe('the content security policy', () => {
  it('is exactly this: nothing remote, nothing inline, no plugins in the app, and frames only for blob: (Print shows the PDF there)', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-src blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('the renderer\'s meta tag carries the same policy (all but frame-ancestors, which a meta tag cannot carry)', () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });
});
