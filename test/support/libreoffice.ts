import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { tempDir } from './temp.ts';

/**
 * LibreOffice headless with the letter's font: PT Serif is not installed on the build machines, so fontconfig is
 * pointed (FONTCONFIG_FILE) at a private fonts.conf that adds the npm package's TTF files to the system's fonts.
 * Each run has its own profile folder (-env:UserInstallation), so parallel runs do not clash. The DOCX files are
 * converted in one soffice run (its start costs more than a conversion); they need distinct names.
 */
export function libreOfficePdfsWithFonts(...docx: string[]): string[] {
  const out = tempDir('ombuds-lo-');
  const profile = `file://${tempDir('ombuds-lo-profile-')}`;
  const result = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...docx], {
    encoding: 'utf8',
    env: { ...process.env, FONTCONFIG_FILE: fontsConf() },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`soffice failed: ${result.stderr}`);
  const pdfs = docx.map((file) => join(out, basename(file).replace(/\.docx$/, '.pdf')));
  if (new Set(pdfs).size !== pdfs.length) throw new Error('libreOfficePdfsWithFonts: two files share a name');
  return pdfs;
}

/** A fonts.conf: the system's configuration, plus the PT Serif package's folder, with a cache of its own. */
function fontsConf(): string {
  const dir = tempDir('ombuds-fonts-');
  const fonts = dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/pt-serif/package.json'));
  mkdirSync(join(dir, 'cache'));
  const conf = join(dir, 'fonts.conf');
  writeFileSync(
    conf,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${fonts}</dir>\n  <cachedir>${join(dir, 'cache')}</cachedir>\n</fontconfig>\n`,
  );
  return conf;
}
