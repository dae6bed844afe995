import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseCli, USAGE } from './args.js';
import { runBenchmark } from './benchmark.js';
import { renderOrganization, runOrganizationPoint, type OrganizationPoint } from './organization.js';
import { stderrProgress } from './progress.js';
import { renderReport } from './report.js';

/** `npm run bench`: seeds moto at two scales, scans, prints the report and writes results.json. */
async function main(): Promise<void> {
  const cli = parseCli(process.argv.slice(2));
  if (cli === 'help') {
    console.log(USAGE);
    return;
  }
  const organization: OrganizationPoint[] = [];
  const runOrganization = async (): Promise<void> => {
    for (const accounts of cli.organization) organization.push(await runOrganizationPoint(accounts, cli.organizationRegions, stderrProgress));
  };
  if (cli.organizationOnly) {
    await runOrganization();
    const out = resolve(cli.out);
    const existing: Record<string, unknown> = await readFile(out, 'utf8').then((t) => JSON.parse(t) as Record<string, unknown>, () => ({}));
    // Points of other sizes already in the file are kept (N = 200 takes long; it can be run on its own).
    const kept = (Array.isArray(existing.organization) ? (existing.organization as OrganizationPoint[]) : [])
      .filter((p) => !organization.some((q) => q.accounts === p.accounts));
    const merged = [...kept, ...organization].sort((a, b) => a.accounts - b.accounts);
    await writeFile(out, `${JSON.stringify({ ...existing, organization: merged }, null, 2)}\n`);
    console.log(renderOrganization(organization));
    console.log(`results written to ${out}`);
    return;
  }
  const results = await runBenchmark({
    scales: cli.scales,
    seedConcurrency: cli.seedConcurrency,
    ...(cli.scanConcurrency === undefined ? {} : { scanConcurrency: cli.scanConcurrency }),
    evalMinMs: cli.evalMinMs,
    measureBundles: cli.measureBundles,
    motoDefaultAmis: cli.motoDefaultAmis,
    log: stderrProgress,
  });
  await runOrganization();
  const out = resolve(cli.out);
  await writeFile(out, `${JSON.stringify({ ...results, organization }, null, 2)}\n`);
  console.log(renderReport(results));
  console.log(renderOrganization(organization));
  console.log(`results written to ${out}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exitCode = 1;
});
