// Regenerates docs/checks.md and docs/scan-output.schema.json from the code.
import { writeFileSync } from 'node:fs';
import { renderChecksMarkdown } from '../lib/docs/checks-markdown.js';
import { scanReportJsonSchema } from '../lib/report/json.js';

writeFileSync('docs/checks.md', renderChecksMarkdown());
writeFileSync('docs/scan-output.schema.json', JSON.stringify(scanReportJsonSchema(), null, 2) + '\n');
console.log('wrote docs/checks.md and docs/scan-output.schema.json');
