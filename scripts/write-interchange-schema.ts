// Regenerates shared/interchange/ombuds-dossier-{1,2}.schema.json from the zod schemas (`npm run schema`).
// A unit test fails when the committed files and the schemas drift apart.
import { writeFileSync } from 'node:fs';
import { interchangeJsonSchema } from '../shared/domain/interchange.ts';

for (const version of [1, 2] as const) {
  const path = new URL(`../shared/interchange/ombuds-dossier-${version}.schema.json`, import.meta.url);
  writeFileSync(path, `${JSON.stringify(interchangeJsonSchema(version), null, 2)}\n`);
  console.log(`written ${path.pathname}`);
}
