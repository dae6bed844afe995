import { parseArgs } from 'node:util';
import { divideScale, presetScale, SCALE_NAMES, type ScaleName, type ScaleSpec } from './scale.js';

export const SECTIONS = ['scale', 'retry', 'glob', 'finalize', 'organization'] as const;
export type Section = (typeof SECTIONS)[number];

export interface CliOptions {
  /** Which parts run: the scale points, the retry-mode comparison, the glob matcher timing. */
  sections: Section[];
  scales: ScaleSpec[];
  seedConcurrency: number;
  scanConcurrency?: number;
  evalMinMs: number;
  measureBundles: boolean;
  motoDefaultAmis: boolean;
  out: string;
  /** Member-account counts of the organization points (executed state machine); empty = none. */
  organization: number[];
  organizationRegions: string[];
}

export const USAGE = `npm run bench -- [options]   (every option also reads BENCH_<NAME>, e.g. BENCH_SCALE=small)
  --scale default|small|smoke   preset (default: default)
  --users N --roles N --policies N --buckets N                  global overrides
  --volumes N --rds N --keys N --log-groups N --tables N        per-region overrides
  --regions a,b,c               regions to seed and scan
  --compare N                   also run at 1/N of the scale first (default 10; 0 = single point)
  --seed-concurrency N          requests in flight while seeding (default 16)
  --scan-concurrency N          scanAccount concurrency (default: the scanner's own)
  --eval-seconds S              time spent re-evaluating for throughput (default 2)
  --no-bundles                  skip esbuild bundle sizes
  --moto-default-amis           keep moto's ~1,200 default AMI snapshots (reported as self-owned)
  --only scale,retry,glob,finalize,organization
                                run only these parts (default: all; retry = standard vs adaptive retry
                                under throttling, through a fault-injecting proxy in front of moto;
                                glob = risk-acceptance pattern matching on a pathological pattern;
                                finalize = FinalizeRun's peak memory, the built bundle (npm run build) in
                                plain node over 100 and 1,000 accounts' items sized for 17 regions; the
                                organization limits read it;
                                organization = the executed state machine over an Organization in moto)
  --organization N,M            organization points: N member accounts (default 50,200); results.json keeps
                                stored points of other sizes and extrapolates every point again with today's
                                defaults (--only organization --organization none: measure nothing, only that)
  --organization-regions a,b    regions seeded and scanned in each member account (default us-east-1,us-west-2)
  --out FILE                    results file (default bench/results.json)`;

const NUMERIC = ['users', 'roles', 'policies', 'buckets', 'volumes', 'rds', 'keys', 'log-groups', 'tables',
  'compare', 'seed-concurrency', 'scan-concurrency', 'eval-seconds'] as const;
type NumericFlag = (typeof NUMERIC)[number];

/** Flags win over BENCH_* environment variables, which win over the preset. */
export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): CliOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      scale: { type: 'string' },
      regions: { type: 'string' },
      'no-bundles': { type: 'boolean' },
      'moto-default-amis': { type: 'boolean' },
      organization: { type: 'string' },
      'organization-regions': { type: 'string' },
      out: { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      ...Object.fromEntries(NUMERIC.map((name) => [name, { type: 'string' as const }])),
    },
    strict: true,
  });
  if (values.help) return 'help';
  const str = (name: string): string | undefined => {
    const flag = (values as Record<string, string | boolean | undefined>)[name];
    if (typeof flag === 'string') return flag;
    return env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`];
  };
  const num = (name: NumericFlag): number | undefined => {
    const raw = str(name);
    if (raw === undefined || raw === '') return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number, got "${raw}"`);
    return n;
  };

  const scaleName = str('scale') ?? 'default';
  if (!(SCALE_NAMES as readonly string[]).includes(scaleName)) throw new Error(`--scale must be one of ${SCALE_NAMES.join(', ')}`);
  const scale = presetScale(scaleName as ScaleName);
  const override = (name: NumericFlag, apply: (n: number) => void): void => {
    const n = num(name);
    if (n !== undefined) apply(Math.floor(n));
  };
  override('users', (n) => (scale.users = n));
  override('roles', (n) => (scale.roles = n));
  override('policies', (n) => (scale.policies = n));
  override('buckets', (n) => (scale.buckets = n));
  override('volumes', (n) => (scale.perRegion.volumes = n));
  override('rds', (n) => (scale.perRegion.rdsInstances = n));
  override('keys', (n) => (scale.perRegion.kmsKeys = n));
  override('log-groups', (n) => (scale.perRegion.logGroups = n));
  override('tables', (n) => (scale.perRegion.tables = n));
  const regions = str('regions');
  if (regions) scale.regions = regions.split(',').map((r) => r.trim()).filter(Boolean);

  const compare = num('compare') ?? 10;
  // The smaller point runs first so the process-lifetime maxRSS of the larger point is its own.
  const scales = compare > 1 ? [divideScale(scale, compare), scale] : [scale];
  const scanConcurrency = num('scan-concurrency');
  const only = str('only');
  const sections = only ? only.split(',').map((x) => x.trim()).filter(Boolean) : [...SECTIONS];
  const unknownSection = sections.find((x) => !(SECTIONS as readonly string[]).includes(x));
  if (unknownSection) throw new Error(`--only takes ${SECTIONS.join(', ')}; got "${unknownSection}"`);
  return {
    sections: sections as Section[],
    scales,
    seedConcurrency: num('seed-concurrency') ?? 16,
    ...(scanConcurrency === undefined ? {} : { scanConcurrency }),
    evalMinMs: (num('eval-seconds') ?? 2) * 1000,
    measureBundles: !(values['no-bundles'] ?? false),
    motoDefaultAmis: values['moto-default-amis'] ?? false,
    out: str('out') ?? 'bench/results.json',
    organization: (str('organization') ?? '50,200').replace(/^none$/, '').split(',').map((v) => Number(v.trim())).filter((v) => Number.isInteger(v) && v > 0),
    organizationRegions: (str('organization-regions') ?? 'us-east-1,us-west-2').split(',').map((r) => r.trim()).filter(Boolean),
  };
}
