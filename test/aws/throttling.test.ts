// The scan recovers from throttling with the factory's default retry settings: every request's first
// attempt is answered with the service's own throttling error (S3 SlowDown, EC2 RequestLimitExceeded,
// query Throttling, JSON ThrottlingException) by a proxy in front of moto. No timing is asserted here;
// the standard/adaptive comparison is in `npm run bench`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnableCommand, Inspector2Client } from '@aws-sdk/client-inspector2';
import { DisableMacieCommand, Macie2Client } from '@aws-sdk/client-macie2';
import { AwsClientFactory, DEFAULT_RETRY } from '../../lib/aws/clients.js';
import { scanAccount } from '../../lib/scan/scan-account.js';
import { startFaultProxy, throttlingFault, type FaultProxy } from '../support/fault-proxy.js';
import { MOTO_ACCOUNT_ID, startMoto, TEST_CREDENTIALS, type MotoServer } from '../support/moto.js';
import { beyondBackupGaps } from '../support/moto-gaps.js';

describe('throttling', () => {
  let moto: MotoServer;
  let proxy: FaultProxy;
  beforeAll(async () => {
    moto = await startMoto();
    proxy = await startFaultProxy(moto.url, (call) => (call.attempt === 1 ? throttlingFault(call) : undefined));
    // moto reports no Inspector status until Enable, and starts Macie with a session whose dates the SDK
    // cannot parse: both would be collection errors unrelated to throttling.
    const seed = new AwsClientFactory({ endpoint: moto.url, credentials: TEST_CREDENTIALS });
    try {
      await seed.get(Inspector2Client, 'us-east-1').send(new EnableCommand({ accountIds: [MOTO_ACCOUNT_ID], resourceTypes: ['EC2'] }));
      await seed.get(Macie2Client, 'us-east-1').send(new DisableMacieCommand({}));
    } finally {
      seed.destroy();
    }
  });
  afterAll(async () => {
    await proxy?.stop();
    await moto?.stop();
  });

  it(`a scan whose every first attempt is throttled completes with the default retry settings (${DEFAULT_RETRY.mode})`, async () => {
    const clients = new AwsClientFactory({ endpoint: proxy.url, credentials: TEST_CREDENTIALS });
    try {
      const { run, findings } = await scanAccount({ clients, regions: ['us-east-1'], homeRegion: 'us-east-1' });
      // What remains are moto's emulator gaps, not throttling: the Backup operations it lacks, and IAM Access
      // Analyzer and AWS Artifact, which it answers with HTTP 500 once the throttled first attempt is retried.
      const remaining = beyondBackupGaps(run.collectionErrors);
      expect(remaining.filter((e) => !/^(access-analyzer|artifact):/.test(e.operation))).toEqual([]);
      expect(remaining.every((e) => e.code === 'Http500')).toBe(true);
      expect(findings.length).toBeGreaterThan(0);
      const throttled = [...proxy.injected.keys()];
      for (const service of ['s3', 'ec2', 'iam', 'cloudtrail', 'guardduty']) {
        expect(throttled.some((key) => key.startsWith(`${service}:`)), `${service} was throttled`).toBe(true);
      }
    } finally {
      clients.destroy();
    }
  });
});
