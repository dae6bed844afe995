// `npm run demo`: the whole pipeline on an emulated account, no AWS account needed.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { runDemo } from './demo/run-demo.js';
import type { MotoServer } from './demo/moto-server.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// Local emulation only: never pick up a real profile or instance role.
process.env.AWS_ACCESS_KEY_ID = 'testing';
process.env.AWS_SECRET_ACCESS_KEY = 'testing';
delete process.env.AWS_PROFILE;
delete process.env.AWS_SESSION_TOKEN;

const started = Date.now();
const outputDir = resolve(process.argv[2] ?? 'demo-output');
const servers: MotoServer[] = [];
const killAll = () => servers.forEach((s) => s.killNow());
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`\nInterrupted (${signal}); stopping moto.`);
    killAll();
    process.exit(130);
  });
}

if (!process.env.MOTO_SERVER_BIN) {
  const found = spawnSync('bash', ['scripts/ensure-moto.sh'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (found.status !== 0) {
    console.error('Could not find or install moto server. Install it with: python3 -m pip install "moto[server]"');
    process.exit(2);
  }
  process.env.MOTO_SERVER_BIN = found.stdout.trim();
}

try {
  const result = await runDemo({ outputDir, log: (line) => console.log(line), register: (s) => servers.push(s) });
  const last = result.runs[result.runs.length - 1];
  const count = (kind: string) => result.transitions.filter((t) => t.kind === kind).length;
  console.log('');
  console.log('Demo finished in', ((Date.now() - started) / 1000).toFixed(1), 's');
  console.log(`  runs:          ${result.runs.map((r) => `${r.runId} (${r.status})`).join(', ')}`);
  console.log(`  latest run:    ${last?.counts.FAIL ?? 0} FAIL, ${last?.counts.PASS ?? 0} PASS, ${last?.counts.ERROR ?? 0} ERROR, ${last?.counts.NOT_APPLICABLE ?? 0} N/A`);
  console.log(`  transitions:   ${count('NEW')} NEW, ${count('RESOLVED')} RESOLVED, ${count('REGRESSED')} REGRESSED, ${count('SUPPRESSED')} SUPPRESSED (PERSISTING is implied, not stored)`);
  console.log(`  bundle:        ${result.bundle.ok ? 'verified against the pinned signing key' : `VERIFICATION ${result.bundle.outcome.toUpperCase()} (${result.bundle.failures} problems)`}, ${result.bundle.runs} runs`);
  console.log(`  signing key:   SHA-256 ${result.bundle.signingKeySha256} (written to ${result.files.signingPublicKey})`);
  console.log(`  digest:        ${result.digest.sent ? 'sent' : 'not sent'} to ${result.digest.email?.to.join(', ') ?? '(not read back)'}: "${result.digest.subject}"`);
  console.log('Outputs:');
  for (const [name, path] of Object.entries(result.files)) console.log(`  ${name.padEnd(13)} ${path}`);
  console.log(`Verify the bundle yourself, with the signer pinned: npx hipaa-audit verify ${result.files.bundle} --trusted-key ${result.files.signingPublicKey}`);
  console.log('(without --trusted-key it exits 3: the signatures are self-consistent but nothing says whose key made them)');
  process.exitCode = result.bundle.ok && result.digest.sent ? 0 : 1;
} catch (err) {
  console.error(`Demo failed: ${err instanceof Error ? err.message : String(err)}`);
  if (process.env.HIPAA_AUDIT_DEBUG && err instanceof Error) console.error(err.stack);
  process.exitCode = 1;
}
