// Write the published JSON Schema of report.json (package export
// `astro-link-report/report.schema.json`) from the zod schema, after `tsc` built dist/.
import { writeFileSync } from 'node:fs';
import { createReportJsonSchema } from '../dist/src/index.js';

const file = new URL('../dist/report.schema.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(createReportJsonSchema(), null, 2)}\n`);
