/** How big the synthetic account is. Global counts once per account; regional counts per region. */
export interface ScaleSpec {
  name: string;
  users: number;
  roles: number;
  policies: number;
  buckets: number;
  regions: string[];
  perRegion: RegionalCounts;
}

export interface RegionalCounts {
  volumes: number;
  rdsInstances: number;
  kmsKeys: number;
  logGroups: number;
  tables: number;
}

export const SCALE_NAMES = ['default', 'small', 'smoke'] as const;
export type ScaleName = (typeof SCALE_NAMES)[number];

const THREE_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'];

/** A mid-sized healthcare workload account: the size the 60 s scan target is stated for. */
const DEFAULT_SCALE: ScaleSpec = {
  name: 'default',
  users: 2_000,
  roles: 500,
  policies: 300,
  buckets: 1_000,
  regions: THREE_REGIONS,
  perRegion: { volumes: 1_000, rdsInstances: 100, kmsKeys: 200, logGroups: 500, tables: 200 },
};

export function presetScale(name: ScaleName): ScaleSpec {
  switch (name) {
    case 'default':
      return structuredClone(DEFAULT_SCALE);
    case 'small':
      return { ...divideScale(DEFAULT_SCALE, 10), name: 'small' };
    case 'smoke':
      // A handful of each, one region: enough to exercise every seeder and collector quickly.
      return {
        name: 'smoke',
        users: 6,
        roles: 3,
        policies: 3,
        buckets: 4,
        regions: ['us-east-1'],
        perRegion: { volumes: 4, rdsInstances: 2, kmsKeys: 3, logGroups: 4, tables: 3 },
      };
  }
}

/** The comparison point: every count divided (rounded up, at least 1), same regions. */
export function divideScale(scale: ScaleSpec, divisor: number): ScaleSpec {
  const d = (n: number): number => (n === 0 ? 0 : Math.max(1, Math.ceil(n / divisor)));
  const r = scale.perRegion;
  return {
    name: `${scale.name}/${divisor}`,
    users: d(scale.users),
    roles: d(scale.roles),
    policies: d(scale.policies),
    buckets: d(scale.buckets),
    regions: [...scale.regions],
    perRegion: {
      volumes: d(r.volumes),
      rdsInstances: d(r.rdsInstances),
      kmsKeys: d(r.kmsKeys),
      logGroups: d(r.logGroups),
      tables: d(r.tables),
    },
  };
}

export interface ResourceTotals {
  global: number;
  regional: number;
  total: number;
  /** IAM principals and policies: what IAM collection could scale with. */
  iamEntities: number;
}

export function countResources(scale: ScaleSpec): ResourceTotals {
  const r = scale.perRegion;
  const perRegion = r.volumes + r.rdsInstances + r.kmsKeys + r.logGroups + r.tables;
  const iamEntities = scale.users + scale.roles + scale.policies;
  const global = iamEntities + scale.buckets;
  const regional = perRegion * scale.regions.length;
  return { global, regional, total: global + regional, iamEntities };
}
