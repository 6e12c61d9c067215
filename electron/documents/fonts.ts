import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type FontFace = 'regular' | 'bold' | 'italic' | 'bold-italic';

const FILES: Record<FontFace, string> = {
  regular: join('400Regular', 'PTSerif_400Regular.ttf'),
  bold: join('700Bold', 'PTSerif_700Bold.ttf'),
  italic: join('400Regular_Italic', 'PTSerif_400Regular_Italic.ttf'),
  'bold-italic': join('700Bold_Italic', 'PTSerif_700Bold_Italic.ttf'),
};
export const fontFaces = Object.keys(FILES) as FontFace[];

/**
 * PT Serif (OFL) covers Russian and Tajik Cyrillic (ғ ӣ қ ӯ ҳ ҷ); the standard PDF fonts cannot show Cyrillic.
 * A packaged app carries the files in `resources/fonts` (electron-builder extraResources); in development and
 * tests they come from the npm package.
 */
export function fontPath(face: FontFace): string {
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) {
    const packaged = join(resources, 'fonts', FILES[face]);
    if (existsSync(packaged)) return packaged;
  }
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@expo-google-fonts/pt-serif/package.json')), FILES[face]);
}
