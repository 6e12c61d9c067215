// Regenerates shared/interchange/ombuds-dossier-1.schema.json from the zod schemas (`npm run schema`).
// A unit test fails when the committed file and the schemas drift apart.
import { writeFileSync } from 'node:fs';
import { interchangeJsonSchema } from '../shared/domain/interchange.ts';

const path = new URL('../shared/interchange/ombuds-dossier-1.schema.json', import.meta.url);
writeFileSync(path, `${JSON.stringify(interchangeJsonSchema(), null, 2)}\n`);
console.log(`written ${path.pathname}`);
