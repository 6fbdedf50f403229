/**
 * `npm run schema`: writes schemas/plan.schema.json from the zod schemas (src/knowledge/json-schema.ts). Rerun it
 * after changing src/knowledge/schema.ts; test/knowledge/json-schema.test.ts fails until the file is current.
 */
import { writeFileSync } from 'node:fs';
import { planJsonSchemaText } from '../src/knowledge/json-schema.js';

const out = new URL('../schemas/plan.schema.json', import.meta.url);
writeFileSync(out, planJsonSchemaText());
console.log('wrote schemas/plan.schema.json');
