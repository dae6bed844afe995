import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { AwsClientFactory } from '../../lib/aws/clients.js';
import { TEST_CREDENTIALS } from '../support/moto.js';

/**
 * moto accepts AssumeRole into any role of any account id (its documentation: "the role does not need
 * to exist"), so it cannot produce a member account whose read-only role cannot be assumed. This proxy
 * sits between the pipeline and moto and answers exactly that case the way STS does: 403 AccessDenied
 * for AssumeRole into a role of a denied account. Everything else is passed through unchanged.
 */
export interface StsDenyProxy {
  url: string;
  denied: Set<string>;
  /**
   * When set, the first request it matches is never answered (the caller is "mid-write") and `onHold`
   * is called: the retry-safety test kills the writing process at that moment.
   */
  hold?: { matches: (method: string, path: string) => boolean; onHold: () => void };
  /** Requests passed to moto, by the service named in their SigV4 credential scope (the benchmark counts calls). */
  requestsByService: Map<string, number>;
  stop(): Promise<void>;
}

export async function startStsDenyProxy(upstream: string): Promise<StsDenyProxy> {
  const target = new URL(upstream);
  const denied = new Set<string>();
  const held: ServerResponse[] = [];
  const requestsByService = new Map<string, number>();
  const proxy: Partial<StsDenyProxy> = {};
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const hold = proxy.hold;
    if (hold && hold.matches(req.method ?? '', req.url ?? '')) {
      proxy.hold = undefined;
      held.push(res);
      hold.onHold();
      return;
    }
    const service = /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(String(req.headers.authorization ?? ''))?.[1] ?? 'unsigned';
    requestsByService.set(service, (requestsByService.get(service) ?? 0) + 1);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const form = new URLSearchParams(body.toString('utf8'));
      const roleAccount = form.get('Action') === 'AssumeRole' ? /^arn:[^:]+:iam::(\d{12}):role\//.exec(form.get('RoleArn') ?? '')?.[1] : undefined;
      if (roleAccount && denied.has(roleAccount)) {
        res.writeHead(403, { 'content-type': 'text/xml' });
        res.end(
          `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>AccessDenied</Code>` +
            `<Message>User is not authorized to perform: sts:AssumeRole on resource: ${form.get('RoleArn') ?? ''}</Message></Error><RequestId>deny-proxy</RequestId></ErrorResponse>`,
        );
        return;
      }
      const upstreamReq = request(
        { hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host } },
        (upstreamRes) => {
          res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
          upstreamRes.pipe(res);
        },
      );
      upstreamReq.on('error', (err) => {
        res.writeHead(502);
        res.end(String(err));
      });
      upstreamReq.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(proxy, {
    url: `http://127.0.0.1:${port}`,
    denied,
    requestsByService,
    stop: () => {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  }) as StsDenyProxy;
}

/** Clients acting inside a member account of the emulator (moto switches account on AssumeRole). */
export async function memberClients(endpoint: string, accountId: string, region: string): Promise<AwsClientFactory> {
  const sts = new STSClient({ region, endpoint, credentials: TEST_CREDENTIALS });
  try {
    const out = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole`, RoleSessionName: 'seed' }));
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error(`moto returned no credentials for ${accountId}`);
    return new AwsClientFactory({
      endpoint, retryMode: 'standard', maxAttempts: 2,
      credentials: { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}) },
    });
  } finally {
    sts.destroy();
  }
}

/** A small member account: one IAM user (global) and one bucket per region. */
export async function seedSmallAccount(endpoint: string, accountId: string, regions: readonly string[]): Promise<void> {
  const clients = await memberClients(endpoint, accountId, regions[0] ?? 'us-east-1');
  try {
    await clients.get(IAMClient, 'us-east-1').send(new CreateUserCommand({ UserName: `engineer-${accountId.slice(-4)}` }));
    for (const region of regions) {
      await clients.get(S3Client, region).send(new CreateBucketCommand({
        Bucket: `records-${accountId}-${region}`,
        ...(region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: region as never } }),
      }));
    }
  } finally {
    clients.destroy();
  }
}
