// Rewrites docs/plan.schema.json's method part from the method files (packages/engine/src/methods/).
// Usage: npm run plan-schema
import { readFileSync, writeFileSync } from 'node:fs';
import { withMethodSchema } from '../packages/engine/src/plan/method-schema';

const file = new URL('../docs/plan.schema.json', import.meta.url);
const schema = withMethodSchema(JSON.parse(readFileSync(file, 'utf8')));
writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
console.log('docs/plan.schema.json: method schema written from the registry');
