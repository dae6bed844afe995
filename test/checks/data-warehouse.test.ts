import { CreateClusterCommand, CreateClusterParameterGroupCommand, EnableLoggingCommand, RedshiftClient } from '@aws-sdk/client-redshift';
import { CreateCacheClusterCommand, CreateReplicationGroupCommand, ElastiCacheClient } from '@aws-sdk/client-elasticache';
import { CreateDomainCommand, OpenSearchClient } from '@aws-sdk/client-opensearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsClientFactory } from '../../lib/aws/clients.js';
import type { AccountSnapshot } from '../../lib/snapshot/schema.js';
import { MOTO_ACCOUNT_ID, motoClients, startMoto, type MotoServer } from '../support/moto.js';
import { collectSnapshot, evaluateCheck } from '../support/snapshot.js';
import { dataCheck, expectData, expectRegionNotApplicable } from './data-harness.js';

const EAST = 'us-east-1'; // a PASS and a FAIL of everything
const EMPTY = 'eu-west-1'; // nothing: NOT_APPLICABLE
const KEY_ARN = `arn:aws:kms:${EAST}:${MOTO_ACCOUNT_ID}:key/11111111-2222-3333-4444-555555555555`;
let moto: MotoServer;
let clients: AwsClientFactory;
let snapshot: AccountSnapshot;

async function seedRedshift(): Promise<void> {
  const redshift = clients.get(RedshiftClient, EAST);
  const base = { NodeType: 'dc2.large', MasterUsername: 'admin', MasterUserPassword: 'Password123' };
  // moto does not implement ModifyClusterParameterGroup, so a custom group keeps require_ssl false here;
  // the require_ssl PASS is in data-mock.test.ts.
  await redshift.send(new CreateClusterParameterGroupCommand({ ParameterGroupName: 'claims-params', ParameterGroupFamily: 'redshift-1.0', Description: 'claims' }));
  await redshift.send(
    new CreateClusterCommand({
      ...base,
      ClusterIdentifier: 'claims-good',
      Encrypted: true,
      KmsKeyId: KEY_ARN,
      PubliclyAccessible: false,
      EnhancedVpcRouting: true,
      AutomatedSnapshotRetentionPeriod: 14,
      ClusterParameterGroupName: 'claims-params',
    }),
  );
  await redshift.send(
    new CreateClusterCommand({ ...base, ClusterIdentifier: 'claims-bad', Encrypted: false, PubliclyAccessible: true, AutomatedSnapshotRetentionPeriod: 1 }),
  );
  await redshift.send(new EnableLoggingCommand({ ClusterIdentifier: 'claims-good', LogDestinationType: 'cloudwatch', LogExports: ['connectionlog', 'userlog'] }));
}

const LOG_GROUP = `arn:aws:logs:${EAST}:${MOTO_ACCOUNT_ID}:log-group:/aws/opensearch/search-good`;
const OPEN_POLICY = { Version: '2012-10-17', Statement: [{ Sid: 'Anyone', Effect: 'Allow', Principal: { AWS: '*' }, Action: 'es:*', Resource: '*' }] };
const IP_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: 'es:ESHttpGet', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8'] } } }],
};

async function seedOpenSearch(): Promise<void> {
  const opensearch = clients.get(OpenSearchClient, EAST);
  await opensearch.send(
    new CreateDomainCommand({
      DomainName: 'search-good',
      EngineVersion: 'OpenSearch_2.11',
      EncryptionAtRestOptions: { Enabled: true },
      NodeToNodeEncryptionOptions: { Enabled: true },
      DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-PFS-2023-10' },
      VPCOptions: { SubnetIds: ['subnet-0a1b2c3d'], SecurityGroupIds: ['sg-0a1b2c3d'] },
      AdvancedSecurityOptions: { Enabled: true, InternalUserDatabaseEnabled: false, MasterUserOptions: { MasterUserARN: `arn:aws:iam::${MOTO_ACCOUNT_ID}:role/search-admin` } },
      LogPublishingOptions: {
        AUDIT_LOGS: { Enabled: true, CloudWatchLogsLogGroupArn: LOG_GROUP },
        SEARCH_SLOW_LOGS: { Enabled: true, CloudWatchLogsLogGroupArn: LOG_GROUP },
        INDEX_SLOW_LOGS: { Enabled: true, CloudWatchLogsLogGroupArn: LOG_GROUP },
      },
    }),
  );
  await opensearch.send(new CreateDomainCommand({ DomainName: 'search-bad', AccessPolicies: JSON.stringify(OPEN_POLICY) }));
  await opensearch.send(
    new CreateDomainCommand({
      DomainName: 'search-ip-only',
      AccessPolicies: JSON.stringify(IP_POLICY),
      DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-0-2019-07' },
      LogPublishingOptions: { SEARCH_SLOW_LOGS: { Enabled: true, CloudWatchLogsLogGroupArn: LOG_GROUP } },
    }),
  );
  // Enough domains for two DescribeDomains batches (five names per call).
  for (const name of ['batch-a', 'batch-b', 'batch-c']) await opensearch.send(new CreateDomainCommand({ DomainName: name }));
}

async function seedElastiCache(): Promise<void> {
  const cache = clients.get(ElastiCacheClient, EAST);
  const base = { ReplicationGroupDescription: 'sessions', Engine: 'redis', CacheNodeType: 'cache.t3.micro', NumCacheClusters: 1 };
  await cache.send(
    new CreateReplicationGroupCommand({
      ...base,
      ReplicationGroupId: 'sessions-good',
      AtRestEncryptionEnabled: true,
      TransitEncryptionEnabled: true,
      AuthToken: 'an-auth-token-of-sixteen-plus-chars',
      SnapshotRetentionLimit: 7,
    }),
  );
  await cache.send(new CreateReplicationGroupCommand({ ...base, ReplicationGroupId: 'sessions-bad' }));
  await cache.send(new CreateCacheClusterCommand({ CacheClusterId: 'standalone-redis', Engine: 'redis', CacheNodeType: 'cache.t3.micro', NumCacheNodes: 1 }));
  await cache.send(new CreateCacheClusterCommand({ CacheClusterId: 'memcached-only', Engine: 'memcached', CacheNodeType: 'cache.t3.micro', NumCacheNodes: 1 }));
}

describe('data family: Redshift, OpenSearch, ElastiCache (moto)', () => {
  beforeAll(async () => {
    moto = await startMoto();
    clients = motoClients(moto);
    await Promise.all([seedRedshift(), seedOpenSearch(), seedElastiCache()]);
    snapshot = await collectSnapshot(clients, { regions: [EAST, EMPTY], families: ['data'], includeGlobal: false });
  });

  afterAll(async () => {
    clients?.destroy();
    await moto?.stop();
  });

  describe('Redshift', () => {
    const type = 'AWS::Redshift::Cluster';

    it('redshift_cluster_kms_encryption: PASS with a KMS key, FAIL unencrypted', () => {
      const good = expectData(snapshot, 'redshift_cluster_kms_encryption', 'claims-good', { status: 'PASS', type });
      expect(good.resource.arn).toBe(`arn:aws:redshift:${EAST}:${MOTO_ACCOUNT_ID}:cluster:claims-good`);
      expect(good.reason).toContain(KEY_ARN);
      expectData(snapshot, 'redshift_cluster_kms_encryption', 'claims-bad', { status: 'FAIL', type });
      expectRegionNotApplicable(snapshot, 'redshift_cluster_kms_encryption', EMPTY);
    });

    it('redshift_cluster_not_publicly_accessible: PASS private, FAIL public', () => {
      expectData(snapshot, 'redshift_cluster_not_publicly_accessible', 'claims-good', { status: 'PASS', type });
      expectData(snapshot, 'redshift_cluster_not_publicly_accessible', 'claims-bad', { status: 'FAIL', type });
    });

    it('redshift_cluster_require_ssl: FAIL for the default group and for a custom group with require_ssl false', () => {
      const custom = expectData(snapshot, 'redshift_cluster_require_ssl', 'claims-good', { status: 'FAIL', type });
      expect(custom.reason).toContain('claims-params');
      const byDefault = expectData(snapshot, 'redshift_cluster_require_ssl', 'claims-bad', { status: 'FAIL', type });
      expect(byDefault.reason).toContain('default.redshift-1.0');
    });

    it('redshift_cluster_audit_logging: PASS when enabled, FAIL when not', () => {
      const good = expectData(snapshot, 'redshift_cluster_audit_logging', 'claims-good', { status: 'PASS', type });
      expect(good.reason).toContain('cloudwatch');
      expectData(snapshot, 'redshift_cluster_audit_logging', 'claims-bad', { status: 'FAIL', type });
    });

    it('redshift_cluster_snapshot_retention: PASS at 14 days, FAIL at 1 day, and follows the threshold', () => {
      expectData(snapshot, 'redshift_cluster_snapshot_retention', 'claims-good', { status: 'PASS', type });
      expectData(snapshot, 'redshift_cluster_snapshot_retention', 'claims-bad', { status: 'FAIL', type });
      expectData(snapshot, 'redshift_cluster_snapshot_retention', 'claims-good', { status: 'FAIL', type, thresholds: { backupRetentionDays: 30 } });
    });

    it('redshift_cluster_enhanced_vpc_routing: PASS on, FAIL off', () => {
      expectData(snapshot, 'redshift_cluster_enhanced_vpc_routing', 'claims-good', { status: 'PASS', type });
      expectData(snapshot, 'redshift_cluster_enhanced_vpc_routing', 'claims-bad', { status: 'FAIL', type });
    });
  });

  describe('OpenSearch', () => {
    const type = 'AWS::OpenSearch::Domain';

    it('describes every listed domain, in batches of five', () => {
      const domains = snapshot.data.regions[EAST]?.openSearchDomains.data ?? [];
      expect(domains.map((d) => d.name).sort()).toEqual(['batch-a', 'batch-b', 'batch-c', 'search-bad', 'search-good', 'search-ip-only']);
      expect(domains.every((d) => d.config.data !== undefined)).toBe(true);
    });

    it('opensearch_domain_encrypted_at_rest: PASS and FAIL', () => {
      const good = expectData(snapshot, 'opensearch_domain_encrypted_at_rest', 'search-good', { status: 'PASS', type });
      expect(good.resource.arn).toBe(`arn:aws:es:${EAST}:${MOTO_ACCOUNT_ID}:domain/search-good`);
      expectData(snapshot, 'opensearch_domain_encrypted_at_rest', 'search-bad', { status: 'FAIL', type });
      expectRegionNotApplicable(snapshot, 'opensearch_domain_encrypted_at_rest', EMPTY);
    });

    it('opensearch_domain_node_to_node_encryption: PASS and FAIL', () => {
      expectData(snapshot, 'opensearch_domain_node_to_node_encryption', 'search-good', { status: 'PASS', type });
      expectData(snapshot, 'opensearch_domain_node_to_node_encryption', 'search-bad', { status: 'FAIL', type });
    });

    it('opensearch_domain_https_tls12: PASS with TLS 1.2, FAIL without HTTPS and with a TLS 1.0 policy', () => {
      expectData(snapshot, 'opensearch_domain_https_tls12', 'search-good', { status: 'PASS', type });
      const noHttps = expectData(snapshot, 'opensearch_domain_https_tls12', 'search-bad', { status: 'FAIL', type });
      expect(noHttps.reason).toContain('does not enforce HTTPS');
      const oldTls = expectData(snapshot, 'opensearch_domain_https_tls12', 'search-ip-only', { status: 'FAIL', type });
      expect(oldTls.reason).toContain('Policy-Min-TLS-1-0-2019-07');
    });

    it('opensearch_domain_not_publicly_accessible: PASS in a VPC and with an IP-restricted policy, FAIL with an open policy', () => {
      expectData(snapshot, 'opensearch_domain_not_publicly_accessible', 'search-good', { status: 'PASS', type });
      expectData(snapshot, 'opensearch_domain_not_publicly_accessible', 'search-ip-only', { status: 'PASS', type });
      const open = expectData(snapshot, 'opensearch_domain_not_publicly_accessible', 'search-bad', { status: 'FAIL', type });
      expect(open.reason).toContain('statement "Anyone"');
    });

    it('opensearch_domain_audit_logs_enabled and opensearch_domain_slow_logs_enabled: PASS and FAIL', () => {
      expectData(snapshot, 'opensearch_domain_audit_logs_enabled', 'search-good', { status: 'PASS', type });
      expectData(snapshot, 'opensearch_domain_audit_logs_enabled', 'search-bad', { status: 'FAIL', type });
      expectData(snapshot, 'opensearch_domain_slow_logs_enabled', 'search-good', { status: 'PASS', type });
      const partial = expectData(snapshot, 'opensearch_domain_slow_logs_enabled', 'search-ip-only', { status: 'FAIL', type });
      expect(partial.reason).toContain('INDEX_SLOW_LOGS');
    });

    it('opensearch_domain_fine_grained_access_control: PASS and FAIL', () => {
      expectData(snapshot, 'opensearch_domain_fine_grained_access_control', 'search-good', { status: 'PASS', type });
      expectData(snapshot, 'opensearch_domain_fine_grained_access_control', 'search-bad', { status: 'FAIL', type });
    });
  });

  describe('ElastiCache', () => {
    const group = 'AWS::ElastiCache::ReplicationGroup';
    const cluster = 'AWS::ElastiCache::CacheCluster';

    it('reads Redis replication groups and standalone Redis clusters, not Memcached', () => {
      const results = evaluateCheck(dataCheck('elasticache_redis_encrypted_at_rest'), snapshot).map((r) => r.resource.id);
      expect(results).not.toContain('memcached-only');
      expect(results).not.toContain('sessions-good-001'); // a member of a replication group is judged with its group
    });

    it('elasticache_redis_encrypted_at_rest: PASS and FAIL (group and standalone cluster)', () => {
      const good = expectData(snapshot, 'elasticache_redis_encrypted_at_rest', 'sessions-good', { status: 'PASS', type: group });
      expect(good.resource.arn).toBe(`arn:aws:elasticache:${EAST}:${MOTO_ACCOUNT_ID}:replicationgroup:sessions-good`);
      expectData(snapshot, 'elasticache_redis_encrypted_at_rest', 'sessions-bad', { status: 'FAIL', type: group });
      expectData(snapshot, 'elasticache_redis_encrypted_at_rest', 'standalone-redis', { status: 'FAIL', type: cluster });
      expectRegionNotApplicable(snapshot, 'elasticache_redis_encrypted_at_rest', EMPTY);
    });

    it('elasticache_redis_encrypted_in_transit: PASS and FAIL', () => {
      expectData(snapshot, 'elasticache_redis_encrypted_in_transit', 'sessions-good', { status: 'PASS', type: group });
      expectData(snapshot, 'elasticache_redis_encrypted_in_transit', 'sessions-bad', { status: 'FAIL', type: group });
    });

    it('elasticache_redis_auth_enabled: PASS with an AUTH token, FAIL with neither AUTH nor RBAC', () => {
      expectData(snapshot, 'elasticache_redis_auth_enabled', 'sessions-good', { status: 'PASS', type: group });
      expectData(snapshot, 'elasticache_redis_auth_enabled', 'sessions-bad', { status: 'FAIL', type: group });
      expectData(snapshot, 'elasticache_redis_auth_enabled', 'standalone-redis', { status: 'FAIL', type: cluster });
    });

    it('elasticache_redis_automatic_backup: PASS at 7 days, FAIL when disabled', () => {
      expectData(snapshot, 'elasticache_redis_automatic_backup', 'sessions-good', { status: 'PASS', type: group });
      const off = expectData(snapshot, 'elasticache_redis_automatic_backup', 'sessions-bad', { status: 'FAIL', type: group });
      expect(off.reason).toContain('disabled');
      expectData(snapshot, 'elasticache_redis_automatic_backup', 'sessions-good', { status: 'FAIL', type: group, thresholds: { backupRetentionDays: 15 } });
    });
  });
});
