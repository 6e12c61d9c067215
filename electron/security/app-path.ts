import * as nodePath from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-url.ts';

/** The parts of node:path the guard uses; tests pass `path.win32` to check Windows' rules on any machine. */
export type PathRules = Pick<typeof nodePath, 'join' | 'normalize' | 'sep'>;

/**
 * The `app://` protocol's path guard: maps a request URL to a file under `root` (the renderer build folder, ending
 * with a separator), or null. Null for another scheme or host, credentials or a port, malformed percent-encoding,
 * a NUL, backslash or colon anywhere in the decoded path, and anything that would leave the folder (`..`,
 * `%2e%2e`, an encoded `/`). Query and hash never reach the path.
 */
export function resolveAppPath(root: string, requestUrl: string, rules: PathRules = nodePath): string | null {
  let url: URL;
  let relative: string;
  try {
    url = new URL(requestUrl);
    relative = decodeURIComponent(url.pathname === '/' || url.pathname === '' ? '/index.html' : url.pathname);
  } catch {
    return null; // malformed URL or percent-encoding
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') return null;
  // Our build's file names have none of these: NUL, a backslash (a separator on Windows), a colon (a drive or an
  // NTFS stream on Windows).
  if (/[\0\\:]/.test(relative)) return null;
  const path = rules.normalize(rules.join(root, relative));
  // `root` ends with a separator, so a sibling folder such as `renderer-old` cannot pass for it.
  return path.startsWith(root) && path !== root ? path : null;
}
