// A call that never answers must end, after the SDK's retries, as a Timeout collection error and ERROR for
// the checks that need it. Real sockets only: a local TCP server that accepts and never answers, and the
// fault proxy holding one operation's request open in front of moto. No mocks.
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsClientFactory } from '../../lib/aws/clients.js';
import { createCollectContext } from '../../lib/collect/context.js';
import { collectCloudTrail } from '../../lib/collectors/logging/cloudtrail.js';
import { scanAccount } from '../../lib/scan/scan-account.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { MOTO_ACCOUNT_ID, startMoto, TEST_CREDENTIALS, type MotoServer } from '../support/moto.js';

const TIMEOUT_MS = 400;
/** Generous for moto on a busy machine, short enough that the held call ends quickly. */
const SCAN_TIMEOUT_MS = 2_500;

describe('enforced timeouts', () => {
  let silent: Server;
  let silentUrl: string;
  const accepted: Socket[] = [];
  let moto: MotoServer;
  let proxy: FaultProxy;

  beforeAll(async () => {
    silent = createServer((socket) => {
      accepted.push(socket); // accept, read, never answer
      socket.on('data', () => undefined);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    silentUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    moto = await startMoto();
    proxy = await startFaultProxy(moto.url, (call) => (call.operation === 'GetEbsEncryptionByDefault' ? { kind: 'hang' } : undefined));
  });

  afterAll(async () => {
    for (const socket of accepted) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
    await proxy?.stop();
    await moto?.stop();
  });

  it('a collector against a server that never answers records Timeout after every attempt', async () => {
    const clients = new AwsClientFactory({ endpoint: silentUrl, credentials: TEST_CREDENTIALS, retryMode: 'standard', maxAttempts: 2, requestTimeoutMs: TIMEOUT_MS });
    const ctx = createCollectContext({ clients, accountId: MOTO_ACCOUNT_ID, regions: ['us-east-1'], includeGlobal: false });
    const before = accepted.length;
    try {
      const trails = await collectCloudTrail(ctx);
      expect(trails.get('us-east-1')).toMatchObject({ error: { code: 'Timeout', operation: 'cloudtrail:DescribeTrails' } });
      expect(accepted.length - before, 'the SDK retried on a new connection').toBe(2);
    } finally {
      clients.destroy();
    }
  });

  it('a scan whose GetEbsEncryptionByDefault never answers finishes, with ERROR for the check that needs it', async () => {
    // moto answers its first call per service slowly; warm it so only the held call reaches the limit.
    const warm = new AwsClientFactory({ endpoint: moto.url, credentials: TEST_CREDENTIALS, maxAttempts: 2 });
    await scanAccount({ clients: warm, regions: ['us-east-1'], homeRegion: 'us-east-1' }).finally(() => warm.destroy());
    const clients = new AwsClientFactory({ endpoint: proxy.url, credentials: TEST_CREDENTIALS, retryMode: 'standard', maxAttempts: 2, requestTimeoutMs: SCAN_TIMEOUT_MS });
    try {
      const { run, findings } = await scanAccount({ clients, regions: ['us-east-1'], homeRegion: 'us-east-1' });
      expect(proxy.injected.get('ec2:GetEbsEncryptionByDefault')).toBe(2);
      expect(run.status).toBe('PARTIAL');
      expect(run.collectionErrors).toContainEqual(expect.objectContaining({ code: 'Timeout', operation: 'ec2:GetEbsEncryptionByDefault' }));
      const ebs = findings.filter((f) => f.checkId === 'ec2_ebs_encryption_by_default');
      expect(ebs).toHaveLength(1);
      expect(ebs[0]).toMatchObject({ status: 'ERROR', reason: expect.stringContaining('ec2:GetEbsEncryptionByDefault failed with Timeout') });
      // Everything else was collected and evaluated as usual.
      // The scan carried on: the other checks were evaluated as usual.
      expect(findings.filter((f) => f.status === 'PASS' || f.status === 'FAIL').length).toBeGreaterThan(20);
    } finally {
      clients.destroy();
    }
  });

  it('the factory enforces the limits on every client: the handler throws instead of warning', () => {
    const factory = new AwsClientFactory({ requestTimeoutMs: 1234, connectionTimeoutMs: 567 });
    const handler = factory.clientConfig('EC2Client', 'us-east-1').requestHandler as { configProvider: Promise<Record<string, unknown>> };
    return expect(handler.configProvider).resolves.toMatchObject({
      requestTimeout: 1234,
      connectionTimeout: 567,
      socketTimeout: 1234,
      throwOnRequestTimeout: true,
    });
  });
});
