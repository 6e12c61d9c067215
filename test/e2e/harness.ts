import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createApp, type App } from '../../electron/app.ts';
import { scriptedDialogs, type ScriptedDialogs } from '../support/scripted-dialogs.ts';
import { FAST_KDF } from '../support/fast-kdf.ts';
import { TestClock } from '../support/test-clock.ts';
import { channelNames } from '../../shared/ipc/channels.ts';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/csp.ts';
import { mayRequest } from '../../electron/security/navigation.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RENDERER = join(ROOT, 'dist', 'renderer');
export const SCREENSHOTS = join(ROOT, 'test-artifacts', 'screenshots');
const ORIGIN = 'http://ombuds.test';

/** The policy main serves with every response (electron/security/csp.ts), so CSP violations show up here. */
const CSP = CONTENT_SECURITY_POLICY;
const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };


/**
 * What Electron's IPC (structured clone) hands the window: a Node Buffer arrives as a plain Uint8Array (e.g. the PDF
 * Print prints). Playwright would carry a Buffer as an object of indices, so the harness delivers it as Electron does.
 */
function likeElectronIpc(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (Array.isArray(value)) return value.map(likeElectronIpc);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, likeElectronIpc(entry)]));
  }
  return value;
}

export interface BrowserStorage {
  local: number;
  session: number;
  databases: string[];
  /** Cookies, Web Storage items and IndexedDB databases the browser context reports for any origin. */
  contextEntries: number;
}

export interface Harness {
  app: App;
  page: Page;
  context: BrowserContext;
  dialogs: ScriptedDialogs;
  dataDir: string;
  workDir: string;
  /** Main's wall clock (unlock throttle, idle lock): real time until a test freezes it. */
  clock: TestClock;
  /** Console errors, page errors and CSP violations seen so far. */
  problems: string[];
  screenshot(name: string): Promise<string>;
  /** What the page's origin keeps in Web Storage and IndexedDB (all must stay empty: DESIGN.md §3). */
  browserStorage(): Promise<BrowserStorage>;
  close(): Promise<void>;
}

let browser: Browser | undefined;

async function sharedBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

/**
 * A fresh data folder, the real app services (createApp, the same router Electron main binds to ipcMain) and
 * a Chromium page whose `window.ombuds` is built like the preload builds it: one function per channel, each
 * calling the router through a Playwright binding.
 */
export async function openHarness(options: { locale?: string } = {}): Promise<Harness> {
  const workDir = mkdtempSync(join(tmpdir(), 'ombuds-e2e-'));
  const dataDir = join(workDir, 'data');
  const dialogs = scriptedDialogs();
  // The setup screen still runs vault:create; only its Argon2id cost is the tests' cheap one (the envelope
  // records it, so every unlock and passphrase change after it is as cheap). The KDF is not what e2e tests.
  const clock = new TestClock();
  const app = createApp({ dataDir, dialogs, actor: 'e2e', idleCheckMs: 60_000, kdf: FAST_KDF, now: clock.now });
  const context = await (await sharedBrowser()).newContext({ locale: options.locale ?? 'ru-RU', viewport: { width: 1200, height: 820 } });
  // Playwright gives each step 30 s by default: a limit a busy machine can reach. A step waits for a state; this
  // is only how long before a missing state counts as a failure.
  context.setDefaultTimeout(120_000);
  await context.exposeBinding('__ombudsInvoke', async (_source, channel: string, input: unknown) => likeElectronIpc(await app.router.handle(channel, input)));
  await context.addInitScript((names: readonly string[]) => {
    const invoke = (window as unknown as { __ombudsInvoke(channel: string, input: unknown): Promise<unknown> }).__ombudsInvoke;
    const bridge = Object.fromEntries(names.map((name) => [name, (input: unknown) => invoke(name, input ?? {})]));
    Object.defineProperty(window, 'ombuds', { value: Object.freeze(bridge) });
  }, channelNames);
  // Like the preload, nothing else: no file paths. A dropped file's bytes and every passphrase (UTF-8 bytes: the
  // contract takes no string) reach the router through the same bindings: Playwright carries a Uint8Array across
  // as one (base64 inside its own protocol, a copy only this harness makes), as Electron's IPC does, so the router
  // and contract stay the app's own.
  // Serve the built renderer; every other request is refused, as the app's session does.
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    // Beyond the page's own files, what the app's session lets through (electron/security/navigation.ts): here, the
    // built-in PDF viewer that shows Print's PDF.
    if (url.origin !== ORIGIN) return mayRequest(url.href, false) ? route.continue() : route.abort('blockedbyclient');
    const path = normalize(join(RENDERER, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname)));
    if (!path.startsWith(RENDERER)) return route.fulfill({ status: 404 });
    try {
      return route.fulfill({ status: 200, body: readFileSync(path), headers: { 'content-type': MIME[extname(path)] ?? 'application/octet-stream', 'content-security-policy': CSP } });
    } catch {
      return route.fulfill({ status: 404 });
    }
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(`${ORIGIN}/index.html`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    app,
    page,
    context,
    dialogs,
    dataDir,
    workDir,
    clock,
    problems,
    screenshot: async (name) => {
      const path = join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async browserStorage() {
      const inPage = await page.evaluate(async () => ({
        local: localStorage.length,
        session: sessionStorage.length,
        databases: (await indexedDB.databases()).map((db) => db.name ?? '(unnamed)'),
      }));
      // The context's own view as well (any origin, cookies too). The typings list only localStorage; the
      // snapshot also carries IndexedDB when asked for it. (OPFS and Cache Storage need a secure context, which
      // this test origin is not, so the page cannot use them at all.)
      const state = await context.storageState({ indexedDB: true });
      const stored = state.origins.reduce((n, entry) => {
        const origin = entry as { localStorage: unknown[]; indexedDB?: unknown[] };
        return n + origin.localStorage.length + (origin.indexedDB?.length ?? 0);
      }, 0);
      return { ...inPage, contextEntries: stored + state.cookies.length };
    },
    async close() {
      await context.close();
      app.dispose();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol, not injected as a <script>: the page's CSP stays in force.
  await page.evaluate(readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
    return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}, ${v.nodes} nodes)`);
}
