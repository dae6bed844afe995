import { CreateClusterCommand, CreateClusterParameterGroupCommand, EnableLoggingCommand, RedshiftClient } from '@aws-sdk/client-redshift';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsClientFactory } from '../../lib/aws/clients.js';
import type { AccountSnapshot } from '../../lib/snapshot/schema.js';
import { MOTO_ACCOUNT_ID, motoClients, startMoto, type MotoServer } from '../support/moto.js';
import { collectSnapshot } from '../support/snapshot.js';
import { expectData, expectRegionNotApplicable } from './data-harness.js';

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

describe('data family: Redshift, OpenSearch, ElastiCache (moto)', () => {
  beforeAll(async () => {
    moto = await startMoto();
    clients = motoClients(moto);
    await Promise.all([seedRedshift()]);
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
});
