import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

// Packaging needs the network (Electron and the target tools are downloaded), so here the configuration is
// checked against electron-builder's own JSON schema and for the settings security depends on.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);
const FONTS_PACKAGE = 'node_modules/@expo-google-fonts/pt-serif';

type Config = Record<string, unknown> & {
  files: string[];
  asarUnpack: string[];
  extraResources: { from: string; to: string }[];
  electronFuses: Record<string, boolean>;
  win: { target: { target: string }[] };
  mac: { target: { target: string }[] };
  linux: { target: string[] };
};

const config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Config;

/**
 * electron-builder's schema (app-builder-lib/scheme.json) is draft-07, which is Ajv's default class. Strict mode
 * stays on so no keyword is silently ignored: unions are allowed, and its one custom keyword, `typeof` (for
 * options that may be JS functions), is implemented rather than skipped.
 */
function validator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as { $schema: string };
  expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addKeyword({ keyword: 'typeof', schemaType: 'string', validate: (type: string, data: unknown) => typeof data === type });
  return ajv.compile(schema);
}

const validate = validator();

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s own JSON schema', () => {
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check can fail: an unknown top-level key and a misspelt fuse are rejected', () => {
    expect(validate({ ...config, notAnOption: true })).toBe(false);
    // A typo in a fuse name would otherwise leave that fuse silently unflipped.
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } })).toBe(false);
  });

  it('identifies the app and targets Windows NSIS, macOS dmg, Linux AppImage and deb', () => {
    expect(config.appId).toBe('tj.ombudsman.dossier');
    expect(config.productName).toBe('Ombuds Dossier');
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('packages the bundles, not the sources, and never rebuilds the prebuilt native modules', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', 'package.json']));
    expect(config.npmRebuild).toBe(false);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/better-sqlite3-multiple-ciphers/**', '**/node_modules/@node-rs/**', '**/node_modules/@resvg/**', '**/node_modules/sharp/**', '**/node_modules/@img/**']));
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('ships every PT Serif face from files that exist, where electron/documents/fonts.ts looks for them', () => {
    const packaged = readdirSync(join(ROOT, FONTS_PACKAGE), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ttf'))
      .map((file) => file.split('\\').join('/'))
      .sort();
    expect(packaged.length).toBeGreaterThanOrEqual(2);
    const fonts = config.extraResources.filter((entry) => entry.from.endsWith('.ttf'));
    // resources/fonts/<face>/<file>: the same relative layout as the npm package, which fonts.ts relies on.
    expect(fonts.map((entry) => relative(FONTS_PACKAGE, entry.from).split('\\').join('/')).sort()).toEqual(packaged);
    for (const entry of fonts) {
      expect(existsSync(join(ROOT, entry.from)), entry.from).toBe(true);
      expect(entry.to).toBe(`fonts/${relative(FONTS_PACKAGE, entry.from).split('\\').join('/')}`);
    }
    const licence = config.extraResources.find((entry) => entry.to === 'fonts/OFL.txt');
    expect(licence && existsSync(join(ROOT, licence.from))).toBe(true);
  });
});
