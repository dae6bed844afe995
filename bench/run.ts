import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseCli, USAGE } from './args.js';
import { runBenchmark } from './benchmark.js';
import { stderrProgress } from './progress.js';
import { renderReport } from './report.js';
import { measureGlob, renderGlob } from './glob-matcher.js';
import { compareRetryModes, renderRetryRuns } from './retry-modes.js';

/** `npm run bench`: seeds moto at two scales and scans; compares retry modes; prints the report and writes results.json. */
async function main(): Promise<void> {
  const cli = parseCli(process.argv.slice(2));
  if (cli === 'help') {
    console.log(USAGE);
    return;
  }
  // results.json keeps the scale results at the top level, as before; the other parts sit beside them.
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
  const out = resolve(cli.out);
  await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`results written to ${out}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exitCode = 1;
});
