// Bundles the CLI into dist/ so `npx hipaa-audit` starts fast without a TypeScript loader.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

if (!existsSync('lib/cli/main.ts')) process.exit(0);
await build({
  entryPoints: ['lib/cli/main.ts'],
  outfile: 'dist/hipaa-audit.mjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  packages: 'external',
  logLevel: 'warning',
});
