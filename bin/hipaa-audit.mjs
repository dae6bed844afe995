#!/usr/bin/env node
// Entry point for `npx hipaa-audit`: runs the CLI bundled into dist/cli by `npm run build` (npm ci runs it).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/cli/hipaa-audit.mjs', import.meta.url));
if (!existsSync(bundle)) {
  console.error('hipaa-audit: the CLI is not built yet. Run "npm run build" (npm ci does it automatically).');
  process.exit(2);
}
process.env.HIPAA_AUDIT_CLI_ENTRY = '1';
// The SDK warns on every start that future releases need Node 22; the CLI supports Node 20 today.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
await import(bundle);
