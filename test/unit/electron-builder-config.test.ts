import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);

function validator() {
  const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  return ajv.compile(schema);
}

const config = load(readFileSync(`${ROOT}electron-builder.yml`, 'utf8')) as Record<string, unknown> & {
  extraResources: { from: string; to: string }[];
  electronFuses: Record<string, boolean>;
};

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s own JSON schema', () => {
    const validate = validator();
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check can fail: an unknown key is rejected', () => {
    const validate = validator();
    expect(validate({ ...config, notAnOption: true })).toBe(false);
  });

  it('targets Windows NSIS, macOS dmg, Linux AppImage and deb', () => {
    const targets = JSON.stringify([config.win, config.mac, config.linux]);
    for (const target of ['nsis', 'dmg', 'AppImage', 'deb']) expect(targets).toContain(target);
  });

  it('flips the security fuses and unpacks the native modules', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3-multiple-ciphers/**');
  });

  it('bundles the PT Serif fonts from files that exist, where the app looks for them', () => {
    const fonts = config.extraResources.filter((entry) => entry.from.endsWith('.ttf'));
    expect(fonts.map((entry) => entry.to)).toEqual(['fonts/400Regular/PTSerif_400Regular.ttf', 'fonts/700Bold/PTSerif_700Bold.ttf']);
    for (const entry of fonts) expect(existsSync(`${ROOT}${entry.from}`)).toBe(true);
  });
});
