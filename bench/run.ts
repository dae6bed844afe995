import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseCli, USAGE } from './args.js';
import { runBenchmark } from './benchmark.js';
import { defaultDeployment, renderOrganization, runOrganizationPoint, withLimits, type MeasuredPoint } from './organization.js';
import { stderrProgress } from './progress.js';
import { keptOrganizationPoints, readResults } from './results-file.js';
import { renderReport } from './report.js';
import { measureGlob, renderGlob } from './glob-matcher.js';
import { compareRetryModes, renderRetryRuns } from './retry-modes.js';
import { measureFinalizeScale, renderFinalizeScale, type FinalizeScaleMeasurement } from './finalize-scale.js';
import { TARGET_ACCOUNTS } from './organization-limits.js';

/** `npm run bench`: seeds moto at two scales and scans; compares retry modes; prints the report and writes results.json. */
async function main(): Promise<void> {
  const cli = parseCli(process.argv.slice(2));
  if (cli === 'help') {
    console.log(USAGE);
    return;
  }
  // results.json keeps the scale results at the top level, as before; the other parts sit beside them. Parts
  // not run this time keep what the file holds when this run ends (another run may have written it meanwhile).
  const out = resolve(cli.out);
  await readResults(out); // a file that does not parse stops the run now, not after an hour of measuring
  let results: Record<string, unknown> = {};
  if (cli.sections.includes('scale')) {
    const scale = await runBenchmark({
      scales: cli.scales,
      seedConcurrency: cli.seedConcurrency,
      ...(cli.scanConcurrency === undefined ? {} : { scanConcurrency: cli.scanConcurrency }),
      evalMinMs: cli.evalMinMs,
      measureBundles: cli.measureBundles,
      motoDefaultAmis: cli.motoDefaultAmis,
      log: stderrProgress,
    });
    console.log(renderReport(scale));
    results = { ...scale };
  }
  if (cli.sections.includes('retry')) {
    const runs = await compareRetryModes({ log: stderrProgress });
    console.log(renderRetryRuns(runs));
    results.retryModes = runs;
  }
  if (cli.sections.includes('glob')) {
    const timings = measureGlob();
    console.log(renderGlob(timings));
    results.globMatcher = timings;
  }
  if (cli.sections.includes('finalize')) {
    const finalize = await measureFinalizeScale([100, TARGET_ACCOUNTS], stderrProgress);
    console.log(renderFinalizeScale(finalize));
    results.finalizeScale = finalize;
  }
  const measured: MeasuredPoint[] = [];
  if (cli.sections.includes('organization')) {
    for (const accounts of cli.organization) measured.push(await runOrganizationPoint(accounts, cli.organizationRegions, stderrProgress));
  }
  const stored = await readResults(out);
  if (cli.sections.includes('organization')) {
    // Points of other sizes already in the file are kept (N = 200 takes long; it can be run on its own) and
    // extrapolated again with today's defaults; a point of the same size is replaced.
    const kept = keptOrganizationPoints(stored.organization, measured, stderrProgress);
    // FinalizeRun's memory limit reads the direct measurement: this run's, or the one the file holds.
    const finalize = (results.finalizeScale ?? stored.finalizeScale) as FinalizeScaleMeasurement | undefined;
    const points = withLimits([...kept, ...measured].sort((a, b) => a.accounts - b.accounts), defaultDeployment(cli.organizationRegions), finalize);
    console.log(renderOrganization(points));
    results.organization = points;
  }
  await writeFile(out, `${JSON.stringify({ ...stored, ...results }, null, 2)}\n`);
  console.log(`results written to ${out}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exitCode = 1;
});
