import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACMClient, ImportCertificateCommand } from '@aws-sdk/client-acm';
import { CreateEndpointCommand, DatabaseMigrationServiceClient } from '@aws-sdk/client-database-migration-service';
import { CreateDeliveryStreamCommand, FirehoseClient, StartDeliveryStreamEncryptionCommand } from '@aws-sdk/client-firehose';
import { CreateStreamCommand, KinesisClient, StartStreamEncryptionCommand } from '@aws-sdk/client-kinesis';
import { CreateEndpointConfigCommand, CreateModelCommand, CreateNotebookInstanceCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { CreateSecretCommand, RotateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsClientFactory } from '../../lib/aws/clients.js';
import type { AccountSnapshot } from '../../lib/snapshot/schema.js';
import { MOTO_ACCOUNT_ID, motoClients, startMoto, type MotoServer } from '../support/moto.js';
import { collectSnapshot, evaluateCheck } from '../support/snapshot.js';
import { dataCheck, expectData, expectRegionNotApplicable } from './data-harness.js';

const EAST = 'us-east-1';
const EMPTY = 'eu-west-1';
const DAY_MS = 86_400_000;
const KEY_ARN = `arn:aws:kms:${EAST}:${MOTO_ACCOUNT_ID}:key/11111111-2222-3333-4444-555555555555`;
const ROLE = `arn:aws:iam::${MOTO_ACCOUNT_ID}:role/data-services`;
let moto: MotoServer;
let clients: AwsClientFactory;
let snapshot: AccountSnapshot;
const certIds: Record<string, string> = {};

async function seedSageMaker(): Promise<void> {
  const sm = clients.get(SageMakerClient, EAST);
  const base = { InstanceType: 'ml.t3.medium' as const, RoleArn: ROLE };
  await sm.send(
    new CreateNotebookInstanceCommand({
      ...base,
      NotebookInstanceName: 'research-good',
      KmsKeyId: KEY_ARN,
      DirectInternetAccess: 'Disabled',
      RootAccess: 'Disabled',
      SubnetId: 'subnet-0a1b2c3d',
      SecurityGroupIds: ['sg-0a1b2c3d'],
    }),
  );
  await sm.send(new CreateNotebookInstanceCommand({ ...base, NotebookInstanceName: 'research-bad' }));
  await sm.send(new CreateModelCommand({ ModelName: 'triage', ExecutionRoleArn: ROLE, PrimaryContainer: { Image: `${MOTO_ACCOUNT_ID}.dkr.ecr.${EAST}.amazonaws.com/triage:1` } }));
  const variants = [{ VariantName: 'main', ModelName: 'triage', InstanceType: 'ml.m5.large' as const, InitialInstanceCount: 1 }];
  await sm.send(new CreateEndpointConfigCommand({ EndpointConfigName: 'triage-good', KmsKeyId: KEY_ARN, ProductionVariants: variants }));
  await sm.send(new CreateEndpointConfigCommand({ EndpointConfigName: 'triage-bad', ProductionVariants: variants }));
}

async function seedStreams(): Promise<void> {
  const kinesis = clients.get(KinesisClient, EAST);
  await kinesis.send(new CreateStreamCommand({ StreamName: 'vitals-good', ShardCount: 1 }));
  await kinesis.send(new StartStreamEncryptionCommand({ StreamName: 'vitals-good', EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' }));
  await kinesis.send(new CreateStreamCommand({ StreamName: 'vitals-bad', ShardCount: 1 }));
  const firehose = clients.get(FirehoseClient, EAST);
  const s3 = { ExtendedS3DestinationConfiguration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::vitals-archive' } };
  await firehose.send(new CreateDeliveryStreamCommand({ DeliveryStreamName: 'archive-good', ...s3 }));
  await firehose.send(
    new StartDeliveryStreamEncryptionCommand({
      DeliveryStreamName: 'archive-good',
      DeliveryStreamEncryptionConfigurationInput: { KeyType: 'CUSTOMER_MANAGED_CMK', KeyARN: KEY_ARN },
    }),
  );
  await firehose.send(new CreateDeliveryStreamCommand({ DeliveryStreamName: 'archive-bad', ...s3 }));
  // Firehose SSE is unavailable with a Kinesis source: these are judged by their source stream.
  for (const source of ['vitals-good', 'vitals-bad']) {
    await firehose.send(
      new CreateDeliveryStreamCommand({
        DeliveryStreamName: `from-${source}`,
        DeliveryStreamType: 'KinesisStreamAsSource',
        KinesisStreamSourceConfiguration: { KinesisStreamARN: `arn:aws:kinesis:${EAST}:${MOTO_ACCOUNT_ID}:stream/${source}`, RoleARN: ROLE },
        ...s3,
      }),
    );
  }
}

async function seedDms(): Promise<void> {
  // Replication instances: moto's DescribeReplicationInstances answer cannot be parsed by the SDK (see data-mock.test.ts).
  const dms = clients.get(DatabaseMigrationServiceClient, EAST);
  const db = { ServerName: 'db.internal', Username: 'migrator', Password: 'not-a-real-password' };
  await dms.send(new CreateEndpointCommand({ ...db, EndpointIdentifier: 'ehr-source', EndpointType: 'source', EngineName: 'postgres', Port: 5432, DatabaseName: 'ehr', SslMode: 'verify-full' }));
  await dms.send(new CreateEndpointCommand({ ...db, EndpointIdentifier: 'legacy-target', EndpointType: 'target', EngineName: 'mysql', Port: 3306, SslMode: 'none' }));
  await dms.send(
    new CreateEndpointCommand({ EndpointIdentifier: 'lake-target', EndpointType: 'target', EngineName: 's3', S3Settings: { BucketName: 'lake', ServiceAccessRoleArn: ROLE } }),
  );
}

async function seedSecrets(): Promise<void> {
  const secrets = clients.get(SecretsManagerClient, EAST);
  // Placeholder values: the auditor never reads them.
  await secrets.send(new CreateSecretCommand({ Name: 'ehr/db-rotating', SecretString: 'placeholder', KmsKeyId: KEY_ARN }));
  // Without a rotation function moto still records the rotation rules and the rotation date.
  await secrets.send(new RotateSecretCommand({ SecretId: 'ehr/db-rotating', RotationRules: { AutomaticallyAfterDays: 30 } }));
  await secrets.send(new CreateSecretCommand({ Name: 'ehr/db-static', SecretString: 'placeholder' }));
}

/** Self-signed certificates made with openssl: moto rejects expired ones at import, so they are made fresh. */
function selfSigned(dir: string, name: string, key: string, days: number): { Certificate: Uint8Array; PrivateKey: Uint8Array } {
  const keyFile = join(dir, `${name}.key`);
  const certFile = join(dir, `${name}.pem`);
  const keyArgs = key.startsWith('ec:') ? ['-newkey', 'ec', '-pkeyopt', `ec_paramgen_curve:${key.slice(3)}`] : ['-newkey', key];
  execFileSync('openssl', ['req', '-x509', ...keyArgs, '-nodes', '-keyout', keyFile, '-out', certFile, '-days', String(days), '-subj', `/CN=${name}.example.org`], {
    stdio: 'ignore',
  });
  return { Certificate: readFileSync(certFile), PrivateKey: readFileSync(keyFile) };
}

async function seedCertificates(): Promise<void> {
  const acm = clients.get(ACMClient, EAST);
  const dir = mkdtempSync(join(tmpdir(), 'hipaa-acm-'));
  try {
    const imports = { portal: ['rsa:2048', 400], legacy: ['rsa:1024', 10], api: ['ec:prime256v1', 400] } as const;
    for (const [name, [key, days]] of Object.entries(imports)) {
      const arn = (await acm.send(new ImportCertificateCommand(selfSigned(dir, name, key, days)))).CertificateArn ?? '';
      certIds[name] = arn.split('/').at(-1) ?? '';
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('data family: SageMaker, Kinesis, Firehose, DMS, Secrets Manager, ACM (moto)', () => {
  beforeAll(async () => {
    moto = await startMoto();
    clients = motoClients(moto);
    await Promise.all([seedSageMaker(), seedStreams(), seedDms(), seedSecrets(), seedCertificates()]);
    snapshot = await collectSnapshot(clients, { regions: [EAST, EMPTY], families: ['data'], includeGlobal: false });
  });

  afterAll(async () => {
    clients?.destroy();
    await moto?.stop();
  });

  describe('SageMaker', () => {
    const notebook = 'AWS::SageMaker::NotebookInstance';

    it('sagemaker_notebook_kms_encryption: PASS and FAIL', () => {
      const good = expectData(snapshot, 'sagemaker_notebook_kms_encryption', 'research-good', { status: 'PASS', type: notebook });
      expect(good.resource.arn).toBe(`arn:aws:sagemaker:${EAST}:${MOTO_ACCOUNT_ID}:notebook-instance/research-good`);
      expectData(snapshot, 'sagemaker_notebook_kms_encryption', 'research-bad', { status: 'FAIL', type: notebook });
      expectRegionNotApplicable(snapshot, 'sagemaker_notebook_kms_encryption', EMPTY);
    });

    it('sagemaker_notebook_no_direct_internet_access: PASS disabled, FAIL by default', () => {
      expectData(snapshot, 'sagemaker_notebook_no_direct_internet_access', 'research-good', { status: 'PASS', type: notebook });
      expectData(snapshot, 'sagemaker_notebook_no_direct_internet_access', 'research-bad', { status: 'FAIL', type: notebook });
    });

    it('sagemaker_notebook_root_access_disabled: PASS disabled, FAIL by default', () => {
      expectData(snapshot, 'sagemaker_notebook_root_access_disabled', 'research-good', { status: 'PASS', type: notebook });
      expectData(snapshot, 'sagemaker_notebook_root_access_disabled', 'research-bad', { status: 'FAIL', type: notebook });
    });

    it('sagemaker_endpoint_config_kms_encryption: PASS and FAIL', () => {
      const type = 'AWS::SageMaker::EndpointConfig';
      expectData(snapshot, 'sagemaker_endpoint_config_kms_encryption', 'triage-good', { status: 'PASS', type });
      expectData(snapshot, 'sagemaker_endpoint_config_kms_encryption', 'triage-bad', { status: 'FAIL', type });
    });
  });

  describe('Kinesis and Firehose', () => {
    it('kinesis_stream_encrypted: PASS with KMS, FAIL with NONE', () => {
      const type = 'AWS::Kinesis::Stream';
      const good = expectData(snapshot, 'kinesis_stream_encrypted', 'vitals-good', { status: 'PASS', type });
      expect(good.resource.arn).toBe(`arn:aws:kinesis:${EAST}:${MOTO_ACCOUNT_ID}:stream/vitals-good`);
      expectData(snapshot, 'kinesis_stream_encrypted', 'vitals-bad', { status: 'FAIL', type });
      expectRegionNotApplicable(snapshot, 'kinesis_stream_encrypted', EMPTY);
    });

    it('firehose_delivery_stream_encrypted: PASS when enabled, FAIL when not', () => {
      const type = 'AWS::KinesisFirehose::DeliveryStream';
      expectData(snapshot, 'firehose_delivery_stream_encrypted', 'archive-good', { status: 'PASS', type });
      expectData(snapshot, 'firehose_delivery_stream_encrypted', 'archive-bad', { status: 'FAIL', type });
    });

    it('firehose_delivery_stream_encrypted: a stream with a Kinesis source is judged by the source stream', () => {
      const type = 'AWS::KinesisFirehose::DeliveryStream';
      expectData(snapshot, 'firehose_delivery_stream_encrypted', 'from-vitals-good', { status: 'PASS', type });
      const bad = expectData(snapshot, 'firehose_delivery_stream_encrypted', 'from-vitals-bad', { status: 'FAIL', type });
      expect(bad.reason).toContain('unencrypted Kinesis stream vitals-bad');
    });
  });

  describe('DMS endpoints', () => {
    it('dms_endpoint_ssl_enabled: PASS verify-full, FAIL none, S3 targets not evaluated', () => {
      const type = 'AWS::DMS::Endpoint';
      expectData(snapshot, 'dms_endpoint_ssl_enabled', 'ehr-source', { status: 'PASS', type });
      const bad = expectData(snapshot, 'dms_endpoint_ssl_enabled', 'legacy-target', { status: 'FAIL', type });
      expect(bad.resource.arn).toMatch(new RegExp(`^arn:aws:dms:${EAST}:${MOTO_ACCOUNT_ID}:endpoint:`));
      expect(evaluateCheck(dataCheck('dms_endpoint_ssl_enabled'), snapshot).map((r) => r.resource.id)).not.toContain('lake-target');
    });
  });

  describe('Secrets Manager', () => {
    const type = 'AWS::SecretsManager::Secret';

    it('secretsmanager_secret_rotation_enabled: PASS rotating, FAIL static', () => {
      const good = expectData(snapshot, 'secretsmanager_secret_rotation_enabled', 'ehr/db-rotating', { status: 'PASS', type });
      expect(good.resource.arn).toMatch(new RegExp(`^arn:aws:secretsmanager:${EAST}:${MOTO_ACCOUNT_ID}:secret:ehr/db-rotating-`));
      expect(good.reason).toContain('every 30 days');
      expectData(snapshot, 'secretsmanager_secret_rotation_enabled', 'ehr/db-static', { status: 'FAIL', type });
      expectRegionNotApplicable(snapshot, 'secretsmanager_secret_rotation_enabled', EMPTY);
    });

    it('secretsmanager_secret_rotated_on_schedule: PASS just rotated, FAIL 40 days later, static secrets not evaluated', () => {
      expectData(snapshot, 'secretsmanager_secret_rotated_on_schedule', 'ehr/db-rotating', { status: 'PASS', type });
      const late = new Date(Date.now() + 40 * DAY_MS);
      const overdue = expectData(snapshot, 'secretsmanager_secret_rotated_on_schedule', 'ehr/db-rotating', { status: 'FAIL', type, now: late });
      expect(overdue.reason).toContain('overdue');
      expect(evaluateCheck(dataCheck('secretsmanager_secret_rotated_on_schedule'), snapshot).map((r) => r.resource.id)).not.toContain('ehr/db-static');
    });

    it('secretsmanager_secret_cmk_encryption: PASS customer key, FAIL aws/secretsmanager', () => {
      expectData(snapshot, 'secretsmanager_secret_cmk_encryption', 'ehr/db-rotating', { status: 'PASS', type });
      expectData(snapshot, 'secretsmanager_secret_cmk_encryption', 'ehr/db-static', { status: 'FAIL', type });
    });

    it('secretsmanager_secret_unused: PASS when new, FAIL when never accessed past the limit, follows the threshold', () => {
      // moto never records LastAccessedDate, so both secrets are "never accessed" and judged by creation date.
      expectData(snapshot, 'secretsmanager_secret_unused', 'ehr/db-static', { status: 'PASS', type });
      const later = new Date(Date.now() + 100 * DAY_MS);
      const unused = expectData(snapshot, 'secretsmanager_secret_unused', 'ehr/db-static', { status: 'FAIL', type, now: later });
      expect(unused.reason).toContain('never been accessed');
      expectData(snapshot, 'secretsmanager_secret_unused', 'ehr/db-static', { status: 'PASS', type, now: later, thresholds: { secretUnusedDays: 365 } });
    });
  });

  describe('ACM', () => {
    const type = 'AWS::ACM::Certificate';

    it('acm_certificate_not_expiring: PASS at 400 days, FAIL at 10 days, follows the threshold', () => {
      const good = expectData(snapshot, 'acm_certificate_not_expiring', certIds.portal ?? '', { status: 'PASS', type });
      expect(good.resource.arn).toMatch(new RegExp(`^arn:aws:acm:${EAST}:${MOTO_ACCOUNT_ID}:certificate/`));
      expect(good.reason).toContain('portal.example.org');
      expectData(snapshot, 'acm_certificate_not_expiring', certIds.legacy ?? '', { status: 'FAIL', type });
      expectData(snapshot, 'acm_certificate_not_expiring', certIds.legacy ?? '', { status: 'PASS', type, thresholds: { certificateExpiryDays: 7 } });
      const expired = expectData(snapshot, 'acm_certificate_not_expiring', certIds.legacy ?? '', { status: 'FAIL', type, now: new Date(Date.now() + 20 * DAY_MS) });
      expect(expired.reason).toContain('expired');
      expectRegionNotApplicable(snapshot, 'acm_certificate_not_expiring', EMPTY);
    });

    it('acm_certificate_rsa_key_length: PASS RSA 2048, FAIL RSA 1024, ECDSA not evaluated (listed thanks to Includes.keyTypes)', () => {
      expectData(snapshot, 'acm_certificate_rsa_key_length', certIds.portal ?? '', { status: 'PASS', type });
      const weak = expectData(snapshot, 'acm_certificate_rsa_key_length', certIds.legacy ?? '', { status: 'FAIL', type });
      expect(weak.reason).toContain('1024');
      expect(evaluateCheck(dataCheck('acm_certificate_rsa_key_length'), snapshot).map((r) => r.resource.id)).not.toContain(certIds.api);
      expectData(snapshot, 'acm_certificate_not_expiring', certIds.api ?? '', { status: 'PASS', type });
    });
  });
});
