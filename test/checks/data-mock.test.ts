import { ACMClient, ListCertificatesCommand } from '@aws-sdk/client-acm';
import { DatabaseMigrationServiceClient, DescribeEndpointsCommand, DescribeReplicationInstancesCommand } from '@aws-sdk/client-database-migration-service';
import { ElastiCacheClient, DescribeCacheClustersCommand, DescribeReplicationGroupsCommand } from '@aws-sdk/client-elasticache';
import { DescribeDeliveryStreamCommand, FirehoseClient, ListDeliveryStreamsCommand } from '@aws-sdk/client-firehose';
import { DescribeStreamSummaryCommand, KinesisClient, ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { DescribeDomainsCommand, ListDomainNamesCommand, OpenSearchClient } from '@aws-sdk/client-opensearch';
import {
  DescribeClusterParametersCommand,
  DescribeClustersCommand,
  DescribeLoggingStatusCommand,
  RedshiftClient,
} from '@aws-sdk/client-redshift';
import {
  DescribeEndpointConfigCommand,
  DescribeNotebookInstanceCommand,
  ListEndpointConfigsCommand,
  ListNotebookInstancesCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { AwsClientFactory } from '../../lib/aws/clients.js';
import type { CheckResult } from '../../lib/checks/types.js';
import type { AccountSnapshot } from '../../lib/snapshot/schema.js';
import { MOTO_ACCOUNT_ID, TEST_CREDENTIALS } from '../support/moto.js';
import { collectSnapshot, evaluateCheck } from '../support/snapshot.js';
import { dataCheck, expectData } from './data-harness.js';

// moto answers every call successfully, so AccessDenied (the ERROR paths) comes from aws-sdk-client-mock.
// Two states moto cannot produce are mocked here too, and say so below: a Redshift parameter group with
// require_ssl true (moto lacks ModifyClusterParameterGroup) and DMS replication instances (moto's
// DescribeReplicationInstances returns InstanceCreateTime as an ISO string the SDK cannot parse).
const REGION = 'us-east-1';
const redshift = mockClient(RedshiftClient);
const opensearch = mockClient(OpenSearchClient);
const elasticache = mockClient(ElastiCacheClient);
const sagemaker = mockClient(SageMakerClient);
const kinesis = mockClient(KinesisClient);
const firehose = mockClient(FirehoseClient);
const dms = mockClient(DatabaseMigrationServiceClient);
const secrets = mockClient(SecretsManagerClient);
const acm = mockClient(ACMClient);
const MOCKS = [redshift, opensearch, elasticache, sagemaker, kinesis, firehose, dms, secrets, acm];

function accessDenied(action: string): Error {
  return Object.assign(new Error(`User is not authorized to perform: ${action}`), { name: 'AccessDeniedException' });
}

/** Every listing answers "nothing"; each test overrides what it is about. */
function emptyAccount(): void {
  for (const m of MOCKS) m.reset();
  redshift.on(DescribeClustersCommand).resolves({ Clusters: [] });
  opensearch.on(ListDomainNamesCommand).resolves({ DomainNames: [] });
  elasticache.on(DescribeReplicationGroupsCommand).resolves({ ReplicationGroups: [] });
  elasticache.on(DescribeCacheClustersCommand).resolves({ CacheClusters: [] });
  sagemaker.on(ListNotebookInstancesCommand).resolves({ NotebookInstances: [] });
  sagemaker.on(ListEndpointConfigsCommand).resolves({ EndpointConfigs: [] });
  kinesis.on(ListStreamsCommand).resolves({ StreamNames: [], HasMoreStreams: false });
  firehose.on(ListDeliveryStreamsCommand).resolves({ DeliveryStreamNames: [], HasMoreDeliveryStreams: false });
  dms.on(DescribeReplicationInstancesCommand).resolves({ ReplicationInstances: [] });
  dms.on(DescribeEndpointsCommand).resolves({ Endpoints: [] });
  secrets.on(ListSecretsCommand).resolves({ SecretList: [] });
  acm.on(ListCertificatesCommand).resolves({ CertificateSummaryList: [] });
}

async function collect(): Promise<AccountSnapshot> {
  const clients = new AwsClientFactory({ credentials: TEST_CREDENTIALS, maxAttempts: 1 });
  try {
    return await collectSnapshot(clients, { regions: [REGION], families: ['data'], includeGlobal: false });
  } finally {
    clients.destroy();
  }
}

function resultsOf(snapshot: AccountSnapshot, id: string): CheckResult[] {
  return evaluateCheck(dataCheck(id), snapshot);
}

/** A failed listing: exactly one ERROR, on the region, naming the call. */
function expectRegionError(snapshot: AccountSnapshot, id: string, operation: string): void {
  expect(resultsOf(snapshot, id)).toEqual([
    expect.objectContaining({
      status: 'ERROR',
      resource: expect.objectContaining({ id: `${MOTO_ACCOUNT_ID}/${REGION}` }),
      reason: expect.stringContaining(`${operation} failed with AccessDeniedException`),
    }),
  ]);
}

afterAll(() => {
  for (const m of MOCKS) m.restore();
});

describe('data family: states moto cannot produce (aws-sdk-client-mock)', () => {
  beforeEach(emptyAccount);

  it('redshift_cluster_require_ssl: PASS when the custom parameter group sets require_ssl true, read once per group', async () => {
    const cluster = (id: string) => ({ ClusterIdentifier: id, Encrypted: true, ClusterParameterGroups: [{ ParameterGroupName: 'tls-only' }] });
    redshift.on(DescribeClustersCommand).resolves({ Clusters: [cluster('claims-a'), cluster('claims-b')] });
    redshift.on(DescribeClusterParametersCommand).resolves({ Parameters: [{ ParameterName: 'require_ssl', ParameterValue: 'true' }] });
    redshift.on(DescribeLoggingStatusCommand).resolves({ LoggingEnabled: true, LogDestinationType: 's3', BucketName: 'audit' });
    const snapshot = await collect();
    const type = 'AWS::Redshift::Cluster';
    expectData(snapshot, 'redshift_cluster_require_ssl', 'claims-a', { status: 'PASS', type });
    expectData(snapshot, 'redshift_cluster_require_ssl', 'claims-b', { status: 'PASS', type });
    expect(redshift.commandCalls(DescribeClusterParametersCommand)).toHaveLength(1);
    expect(redshift.commandCalls(DescribeLoggingStatusCommand)).toHaveLength(2);
  });

  it('dms_replication_instance_not_public: PASS private, FAIL public', async () => {
    dms.on(DescribeReplicationInstancesCommand).resolves({
      ReplicationInstances: [
        { ReplicationInstanceIdentifier: 'migrate-private', ReplicationInstanceArn: `arn:aws:dms:${REGION}:${MOTO_ACCOUNT_ID}:rep:PRIVATE`, PubliclyAccessible: false },
        { ReplicationInstanceIdentifier: 'migrate-public', ReplicationInstanceArn: `arn:aws:dms:${REGION}:${MOTO_ACCOUNT_ID}:rep:PUBLIC`, PubliclyAccessible: true },
      ],
    });
    const snapshot = await collect();
    const type = 'AWS::DMS::ReplicationInstance';
    const good = expectData(snapshot, 'dms_replication_instance_not_public', 'migrate-private', { status: 'PASS', type });
    expect(good.resource.arn).toBe(`arn:aws:dms:${REGION}:${MOTO_ACCOUNT_ID}:rep:PRIVATE`);
    expectData(snapshot, 'dms_replication_instance_not_public', 'migrate-public', { status: 'FAIL', type });
  });
});

describe('data family: collection failures become ERROR on exactly the dependent results (aws-sdk-client-mock)', () => {
  beforeEach(emptyAccount);

  it('failed listings: ERROR on the region for every check that reads them', async () => {
    redshift.on(DescribeClustersCommand).rejects(accessDenied('redshift:DescribeClusters'));
    opensearch.on(ListDomainNamesCommand).rejects(accessDenied('es:ListDomainNames'));
    sagemaker.on(ListNotebookInstancesCommand).rejects(accessDenied('sagemaker:ListNotebookInstances'));
    sagemaker.on(ListEndpointConfigsCommand).rejects(accessDenied('sagemaker:ListEndpointConfigs'));
    kinesis.on(ListStreamsCommand).rejects(accessDenied('kinesis:ListStreams'));
    firehose.on(ListDeliveryStreamsCommand).rejects(accessDenied('firehose:ListDeliveryStreams'));
    dms.on(DescribeReplicationInstancesCommand).rejects(accessDenied('dms:DescribeReplicationInstances'));
    dms.on(DescribeEndpointsCommand).rejects(accessDenied('dms:DescribeEndpoints'));
    secrets.on(ListSecretsCommand).rejects(accessDenied('secretsmanager:ListSecrets'));
    acm.on(ListCertificatesCommand).rejects(accessDenied('acm:ListCertificates'));
    const snapshot = await collect();
    expectRegionError(snapshot, 'redshift_cluster_kms_encryption', 'redshift:DescribeClusters');
    expectRegionError(snapshot, 'redshift_cluster_require_ssl', 'redshift:DescribeClusters');
    expectRegionError(snapshot, 'opensearch_domain_encrypted_at_rest', 'opensearch:ListDomainNames');
    expectRegionError(snapshot, 'sagemaker_notebook_root_access_disabled', 'sagemaker:ListNotebookInstances');
    expectRegionError(snapshot, 'sagemaker_endpoint_config_kms_encryption', 'sagemaker:ListEndpointConfigs');
    expectRegionError(snapshot, 'kinesis_stream_encrypted', 'kinesis:ListStreams');
    expectRegionError(snapshot, 'firehose_delivery_stream_encrypted', 'firehose:ListDeliveryStreams');
    expectRegionError(snapshot, 'dms_replication_instance_not_public', 'dms:DescribeReplicationInstances');
    expectRegionError(snapshot, 'dms_endpoint_ssl_enabled', 'dms:DescribeEndpoints');
    for (const id of ['secretsmanager_secret_rotation_enabled', 'secretsmanager_secret_rotated_on_schedule', 'secretsmanager_secret_cmk_encryption', 'secretsmanager_secret_unused']) {
      expectRegionError(snapshot, id, 'secretsmanager:ListSecrets');
    }
    expectRegionError(snapshot, 'acm_certificate_not_expiring', 'acm:ListCertificates');
    expectRegionError(snapshot, 'acm_certificate_rsa_key_length', 'acm:ListCertificates');
  });

  it('ElastiCache: a failed DescribeCacheClusters makes only its own part ERROR; replication groups are still judged', async () => {
    elasticache.on(DescribeReplicationGroupsCommand).resolves({
      ReplicationGroups: [{ ReplicationGroupId: 'sessions', ARN: `arn:aws:elasticache:${REGION}:${MOTO_ACCOUNT_ID}:replicationgroup:sessions`, AtRestEncryptionEnabled: true }],
    });
    elasticache.on(DescribeCacheClustersCommand).rejects(accessDenied('elasticache:DescribeCacheClusters'));
    const snapshot = await collect();
    const results = resultsOf(snapshot, 'elasticache_redis_encrypted_at_rest');
    expect(results.map((r) => [r.resource.id, r.status])).toEqual([
      ['sessions', 'PASS'],
      [`${MOTO_ACCOUNT_ID}/${REGION}`, 'ERROR'],
    ]);
    expect(results[1]?.reason).toContain('elasticache:DescribeCacheClusters failed with AccessDeniedException');
  });

  it('failed per-resource reads: ERROR on that resource only, naming the call', async () => {
    redshift.on(DescribeClustersCommand).resolves({ Clusters: [{ ClusterIdentifier: 'claims', ClusterParameterGroups: [{ ParameterGroupName: 'custom' }] }] });
    redshift.on(DescribeClusterParametersCommand).rejects(accessDenied('redshift:DescribeClusterParameters'));
    redshift.on(DescribeLoggingStatusCommand).rejects(accessDenied('redshift:DescribeLoggingStatus'));
    const names = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6'];
    opensearch.on(ListDomainNamesCommand).resolves({ DomainNames: names.map((DomainName) => ({ DomainName })) });
    opensearch
      .on(DescribeDomainsCommand, { DomainNames: names.slice(0, 5) })
      .rejects(accessDenied('es:DescribeDomains'))
      .on(DescribeDomainsCommand, { DomainNames: ['d6'] })
      .resolves({ DomainStatusList: [{ DomainName: 'd6', DomainId: 'x/d6', ARN: `arn:aws:es:${REGION}:${MOTO_ACCOUNT_ID}:domain/d6`, ClusterConfig: {}, EncryptionAtRestOptions: { Enabled: true } }] });
    sagemaker.on(ListNotebookInstancesCommand).resolves({ NotebookInstances: [{ NotebookInstanceName: 'nb', NotebookInstanceArn: 'arn:aws:sagemaker:us-east-1:123456789012:notebook-instance/nb', NotebookInstanceStatus: 'InService', CreationTime: new Date(), LastModifiedTime: new Date() } as never] });
    sagemaker.on(DescribeNotebookInstanceCommand).rejects(accessDenied('sagemaker:DescribeNotebookInstance'));
    sagemaker.on(ListEndpointConfigsCommand).resolves({ EndpointConfigs: [{ EndpointConfigName: 'ec', EndpointConfigArn: 'arn:aws:sagemaker:us-east-1:123456789012:endpoint-config/ec', CreationTime: new Date() }] });
    sagemaker.on(DescribeEndpointConfigCommand).rejects(accessDenied('sagemaker:DescribeEndpointConfig'));
    kinesis.on(ListStreamsCommand).resolves({ StreamNames: ['vitals'], HasMoreStreams: false });
    kinesis.on(DescribeStreamSummaryCommand).rejects(accessDenied('kinesis:DescribeStreamSummary'));
    firehose.on(ListDeliveryStreamsCommand).resolves({ DeliveryStreamNames: ['archive'], HasMoreDeliveryStreams: false });
    firehose.on(DescribeDeliveryStreamCommand).rejects(accessDenied('firehose:DescribeDeliveryStream'));
    const snapshot = await collect();

    const only = (id: string, resourceId: string, operation: string) => {
      expect(resultsOf(snapshot, id).filter((r) => r.resource.id === resourceId)).toEqual([
        expect.objectContaining({ status: 'ERROR', reason: expect.stringContaining(`${operation} failed with AccessDeniedException`) }),
      ]);
    };
    only('redshift_cluster_require_ssl', 'claims', 'redshift:DescribeClusterParameters');
    only('redshift_cluster_audit_logging', 'claims', 'redshift:DescribeLoggingStatus');
    expect(resultsOf(snapshot, 'redshift_cluster_kms_encryption')[0]?.status).toBe('FAIL'); // DescribeClusters itself answered
    for (const name of names.slice(0, 5)) only('opensearch_domain_encrypted_at_rest', name, 'opensearch:DescribeDomains');
    expect(resultsOf(snapshot, 'opensearch_domain_encrypted_at_rest').find((r) => r.resource.id === 'd6')?.status).toBe('PASS');
    only('sagemaker_notebook_kms_encryption', 'nb', 'sagemaker:DescribeNotebookInstance');
    only('sagemaker_endpoint_config_kms_encryption', 'ec', 'sagemaker:DescribeEndpointConfig');
    only('kinesis_stream_encrypted', 'vitals', 'kinesis:DescribeStreamSummary');
    only('firehose_delivery_stream_encrypted', 'archive', 'firehose:DescribeDeliveryStream');
  });
});
