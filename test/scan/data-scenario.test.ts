import { CreateDomainCommand, OpenSearchClient } from '@aws-sdk/client-opensearch';
import { CreateClusterCommand, RedshiftClient } from '@aws-sdk/client-redshift';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../lib/model/finding.js';
import { scanAccount, type ScanResult } from '../../lib/scan/scan-account.js';
import { MOTO_ACCOUNT_ID, motoClients, startMoto, type MotoServer } from '../support/moto.js';

// Issue 12 "Done when" (analytics and data part): an account with an unencrypted public Redshift cluster,
// an OpenSearch domain without encryption and a secret without rotation; the real scan (every family,
// every check) must show each as FAIL with the exact resource and its HIPAA citation.
const REGION = 'us-east-1';
let moto: MotoServer;
let scan: ScanResult;

beforeAll(async () => {
  moto = await startMoto();
  const clients = motoClients(moto);
  try {
    await clients.get(RedshiftClient, REGION).send(
      new CreateClusterCommand({
        ClusterIdentifier: 'claims-warehouse',
        NodeType: 'dc2.large',
        MasterUsername: 'admin',
        MasterUserPassword: 'Password123',
        Encrypted: false,
        PubliclyAccessible: true,
      }),
    );
    await clients.get(OpenSearchClient, REGION).send(new CreateDomainCommand({ DomainName: 'patient-search', EngineVersion: 'OpenSearch_2.11' }));
    // A placeholder value; the scan never reads it.
    await clients.get(SecretsManagerClient, REGION).send(new CreateSecretCommand({ Name: 'ehr/db-password', SecretString: 'placeholder' }));
    scan = await scanAccount({ clients, regions: [REGION] });
  } finally {
    clients.destroy();
  }
}, 120_000);

afterAll(async () => {
  await moto?.stop();
});

function finding(checkId: string, resourceId: string): Finding {
  const matches = scan.findings.filter((f) => f.checkId === checkId && f.resource.id === resourceId);
  expect(matches, `${checkId} about ${resourceId}`).toHaveLength(1);
  return matches[0] as Finding;
}

describe('scan of an account with unprotected data services (moto, real scan)', () => {
  it('collected the data family without collection errors', () => {
    expect(scan.run.collectionErrors.filter((e) => /redshift|opensearch|secretsmanager/.test(e.operation))).toEqual([]);
  });

  it('the unencrypted public Redshift cluster fails encryption at rest and exposure', () => {
    const arn = `arn:aws:redshift:${REGION}:${MOTO_ACCOUNT_ID}:cluster:claims-warehouse`;
    const encryption = finding('redshift_cluster_kms_encryption', 'claims-warehouse');
    expect(encryption).toMatchObject({ status: 'FAIL', citations: ['164.312(a)(2)(iv)'], resource: { arn, region: REGION, accountId: MOTO_ACCOUNT_ID } });
    expect(encryption.reason).toBe('Redshift cluster claims-warehouse is not encrypted');
    const exposure = finding('redshift_cluster_not_publicly_accessible', 'claims-warehouse');
    expect(exposure).toMatchObject({ status: 'FAIL', citations: ['164.312(a)(1)', '164.312(e)(1)'], resource: { arn } });
  });

  it('the OpenSearch domain without encryption fails at rest and node-to-node', () => {
    const arn = `arn:aws:es:${REGION}:${MOTO_ACCOUNT_ID}:domain/patient-search`;
    const atRest = finding('opensearch_domain_encrypted_at_rest', 'patient-search');
    expect(atRest).toMatchObject({ status: 'FAIL', citations: ['164.312(a)(2)(iv)'], resource: { arn, region: REGION } });
    expect(atRest.reason).toContain('patient-search');
    const inTransit = finding('opensearch_domain_node_to_node_encryption', 'patient-search');
    expect(inTransit).toMatchObject({ status: 'FAIL', citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'], resource: { arn } });
  });

  it('the secret without rotation fails rotation with the password-management citation', () => {
    const rotation = finding('secretsmanager_secret_rotation_enabled', 'ehr/db-password');
    expect(rotation).toMatchObject({ status: 'FAIL', citations: ['164.308(a)(5)(ii)(D)', '164.312(d)'], resource: { region: REGION } });
    expect(rotation.resource.arn).toMatch(new RegExp(`^arn:aws:secretsmanager:${REGION}:${MOTO_ACCOUNT_ID}:secret:ehr/db-password-`));
    expect(rotation.reason).toBe('Secret ehr/db-password does not rotate automatically');
  });
});
