import type { Finding } from '../model/finding.js';
import type { RegionCoverage, ResourceCount } from '../model/coverage.js';
import type { Collected } from '../snapshot/collected.js';
import type { InventoryRegion } from '../snapshot/inventory.js';
import type { AccountSnapshot } from '../snapshot/schema.js';

// Config's own compliance records are not resources of the workload.
const NOT_WORKLOAD_TYPES = new Set(['AWS::Config::ResourceCompliance', 'AWS::Config::ConformancePackCompliance']);

// Resource Explorer names types `service:type`; where its name is not the kebab-case of the CloudFormation
// type our findings use, this says which is which.
const EXPLORER_NAMES: Record<string, string> = {
  'AWS::RDS::DBInstance': 'rds:db',
  'AWS::RDS::DBCluster': 'rds:cluster',
  'AWS::RDS::DBSnapshot': 'rds:snapshot',
  'AWS::RDS::DBClusterSnapshot': 'rds:cluster-snapshot',
  'AWS::EFS::FileSystem': 'elasticfilesystem:file-system',
  'AWS::ElasticLoadBalancingV2::LoadBalancer': 'elasticloadbalancing:loadbalancer/app',
  'AWS::ElasticLoadBalancing::LoadBalancer': 'elasticloadbalancing:loadbalancer',
  'AWS::EC2::VPC': 'ec2:vpc',
  'AWS::OpenSearch::Domain': 'es:domain',
  'AWS::ElastiCache::CacheCluster': 'elasticache:cluster',
  'AWS::ElastiCache::ReplicationGroup': 'elasticache:replicationgroup',
  'AWS::KinesisFirehose::DeliveryStream': 'firehose:deliverystream',
  'AWS::DMS::ReplicationInstance': 'dms:rep',
  'AWS::DMS::Endpoint': 'dms:endpoint',
};

/** `AWS::Logs::LogGroup` -> `logs:log-group`, the form Resource Explorer uses. */
export function explorerTypeOf(cloudFormationType: string): string {
  const mapped = EXPLORER_NAMES[cloudFormationType];
  if (mapped) return mapped;
  const [, service = '', type = ''] = cloudFormationType.split('::');
  return `${service.toLowerCase()}:${type.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}`;
}

/**
 * Sets each region's inventory against the resource types the run's findings are about. Global
 * resources (IAM) count as assessed in every region, since AWS Config records them in one of them.
 */
export function computeCoverage(snapshot: AccountSnapshot, findings: readonly Finding[]): RegionCoverage[] {
  const assessedIn = new Map<string, Set<string>>();
  for (const f of findings) {
    if (f.resource.type === 'AWS::::Account' || f.status === 'ERROR') continue;
    const set = assessedIn.get(f.resource.region) ?? new Set<string>();
    set.add(f.resource.type);
    assessedIn.set(f.resource.region, set);
  }
  return Object.entries(snapshot.inventory.regions).map(([region, inventory]) => {
    const assessed = new Set([...(assessedIn.get(region) ?? []), ...(assessedIn.get('global') ?? [])]);
    const base = { accountId: snapshot.accountId, region };
    const source = inventorySource(inventory);
    if (source.kind === 'unavailable') return { ...base, source: 'unavailable', reason: source.reason, assessed: [], unassessed: [] };
    const isAssessed =
      source.kind === 'config'
        ? (type: string) => assessed.has(type)
        : (type: string) => [...assessed].some((t) => explorerTypeOf(t) === type);
    const present = source.counts.filter((c) => !NOT_WORKLOAD_TYPES.has(c.resourceType)).sort(byCountThenType);
    return {
      ...base,
      source: source.kind,
      assessed: present.filter((c) => isAssessed(c.resourceType)),
      unassessed: present.filter((c) => !isAssessed(c.resourceType)),
    };
  });
}

type Source = { kind: 'config' | 'resource-explorer'; counts: ResourceCount[] } | { kind: 'unavailable'; reason: string };

function inventorySource(inventory: InventoryRegion): Source {
  if (inventory.config.data && inventory.config.data.length > 0) return { kind: 'config', counts: inventory.config.data };
  const explorer: Collected<ResourceCount[] | null> | undefined = inventory.resourceExplorer;
  if (explorer?.data && explorer.data.length > 0) return { kind: 'resource-explorer', counts: explorer.data };
  const configPart = inventory.config.error
    ? `AWS Config: ${inventory.config.error.operation} failed with ${inventory.config.error.code}`
    : 'AWS Config records no resources here (no recorder running)';
  const explorerPart = explorer?.error
    ? `Resource Explorer: ${explorer.error.operation} failed with ${explorer.error.code}`
    : explorer?.data === null
      ? 'Resource Explorer has no default view in this region'
      : 'Resource Explorer lists no resources';
  return { kind: 'unavailable', reason: `inventory unavailable: ${configPart}; ${explorerPart}` };
}

function byCountThenType(a: ResourceCount, b: ResourceCount): number {
  return b.count - a.count || a.resourceType.localeCompare(b.resourceType);
}
