/**
 * `npm run schema`: writes arguments/schema.json from the zod schema, so that editors that
 * read `# yaml-language-server: $schema=./schema.json` offer completion and checks.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { debateJsonSchema } from '../lib/core/schema/json-schema';
import { ARGUMENTS_DIR } from './debate-files';

const out = join(ARGUMENTS_DIR, 'schema.json');
writeFileSync(out, JSON.stringify(debateJsonSchema(), null, '\t') + '\n');
console.log(`wrote ${out}`);
