import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * A fault-injecting HTTP proxy in front of moto: it forwards every SDK request unchanged, or answers
 * it with an AWS error in the service's own wire format, or accepts it and never answers. Used where
 * moto cannot produce a state (AccessDenied, throttling, a hung call) so the real SDK parses a real
 * response, retries as it would against AWS, and the collectors see what they would see.
 */

/** What the proxy can tell about a request from the wire. */
export interface ProxiedCall {
  /** SigV4 signing name from the credential scope: s3, cloudtrail, ec2, iam, ... */
  service: string;
  region: string;
  /** API operation (DescribeTrails, GetBucketLogging, ...); `METHOD /path` for REST APIs it cannot name. */
  operation: string;
  /** S3 bucket name for bucket operations. */
  bucket?: string;
  protocol: Protocol;
  /** Which attempt of one SDK invocation this is (the SDK's amz-sdk-request header), from 1. */
  attempt: number;
}

export type Fault =
  | { kind: 'error'; code: string; status: number; message?: string }
  /** Accept the request and never answer (the socket stays open until the client gives up). */
  | { kind: 'hang' };

export type FaultDecider = (call: ProxiedCall) => Fault | undefined;

export interface FaultProxy {
  url: string;
  /** Requests seen and faults injected, per `service:operation`. */
  readonly seen: Map<string, number>;
  readonly injected: Map<string, number>;
  setDecider(decide: FaultDecider): void;
  stop(): Promise<void>;
}

export type Protocol = 'awsJson' | 'query' | 'ec2' | 'restXmlS3' | 'restXml' | 'restJson';

const S3_SUBRESOURCE_GET: Record<string, string> = {
  logging: 'GetBucketLogging',
  'object-lock': 'GetObjectLockConfiguration',
  encryption: 'GetBucketEncryption',
  policy: 'GetBucketPolicy',
  publicAccessBlock: 'GetPublicAccessBlock',
  versioning: 'GetBucketVersioning',
  location: 'GetBucketLocation',
  acl: 'GetBucketAcl',
  tagging: 'GetBucketTagging',
  lifecycle: 'GetBucketLifecycleConfiguration',
};

/** Identifies service, protocol and operation the way AWS's front end would. */
function attemptOf(req: IncomingMessage): number {
  const header = req.headers['amz-sdk-request'];
  return Number(/attempt=(\d+)/.exec(typeof header === 'string' ? header : '')?.[1] ?? 1);
}

export function identify(req: IncomingMessage, body: Buffer): Omit<ProxiedCall, 'attempt'> {
  const auth = req.headers.authorization ?? '';
  const scope = /Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(auth);
  const region = scope?.[1] ?? 'us-east-1';
  const service = scope?.[2] ?? 'unknown';
  const url = new URL(req.url ?? '/', 'http://proxy');
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string') return { service, region, protocol: 'awsJson', operation: target.split('.').pop() ?? target };
  const contentType = req.headers['content-type'] ?? '';
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    const action = new URLSearchParams(body.toString('utf8')).get('Action') ?? 'Unknown';
    return { service, region, protocol: service === 'ec2' ? 'ec2' : 'query', operation: action };
  }
  if (service === 's3') {
    const segments = url.pathname.split('/').filter(Boolean);
    const bucket = segments[0];
    if (!bucket) return { service, region, protocol: 'restXmlS3', operation: req.method === 'GET' ? 'ListBuckets' : `${req.method} /` };
    const sub = [...url.searchParams.keys()].find((key) => key in S3_SUBRESOURCE_GET);
    const operation = req.method === 'GET' && sub ? S3_SUBRESOURCE_GET[sub] : `${req.method} ${url.pathname}`;
    return { service, region, protocol: 'restXmlS3', operation: operation ?? 'Unknown', bucket };
  }
  if (service === 'cloudfront') return { service, region, protocol: 'restXml', operation: `${req.method} ${url.pathname}` };
  if (url.pathname.includes('/configuration/publicAccessBlock')) {
    return { service, region, protocol: 'restXml', operation: req.method === 'GET' ? 'GetPublicAccessBlock' : 'PutPublicAccessBlock' };
  }
  return { service, region, protocol: 'restJson', operation: `${req.method} ${url.pathname}` };
}

/** The error body and headers AWS sends for `code` in each protocol (what the SDK's deserializers read). */
export function wireError(protocol: Protocol, code: string, message: string): { headers: Record<string, string>; body: string } {
  const requestId = 'fault-proxy-0000';
  switch (protocol) {
    case 'awsJson':
      return {
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId },
        body: JSON.stringify({ __type: code, message }),
      };
    case 'restJson':
      return {
        headers: { 'content-type': 'application/json', 'x-amzn-errortype': code, 'x-amzn-requestid': requestId },
        body: JSON.stringify({ message }),
      };
    case 'ec2':
      return {
        headers: { 'content-type': 'text/xml' },
        body: `<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`,
      };
    case 'restXmlS3':
      return {
        headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId },
        body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${requestId}</RequestId></Error>`,
      };
    case 'query':
    case 'restXml':
      return {
        headers: { 'content-type': 'text/xml' },
        body: `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
      };
  }
}

/** The throttling error each protocol's services actually send (all are retryable by the SDK). */
export function throttlingFault(call: ProxiedCall): Fault {
  if (call.service === 's3') return { kind: 'error', code: 'SlowDown', status: 503, message: 'Please reduce your request rate.' };
  if (call.service === 'ec2') return { kind: 'error', code: 'RequestLimitExceeded', status: 503, message: 'Request limit exceeded.' };
  return { kind: 'error', code: 'ThrottlingException', status: 400, message: 'Rate exceeded' };
}

/** Query-protocol services spell it `Throttling`; JSON and REST-JSON services `ThrottlingException`. */
function throttlingCodeFor(protocol: Protocol, code: string): string {
  if (code !== 'ThrottlingException') return code;
  return protocol === 'query' || protocol === 'restXml' ? 'Throttling' : code;
}

export function accessDenied(call: ProxiedCall): Fault {
  const code = call.service === 's3' || call.protocol === 'query' ? 'AccessDenied' : 'AccessDeniedException';
  return { kind: 'error', code, status: 403, message: `User is not authorized to perform: ${call.service}:${call.operation}` };
}

export async function startFaultProxy(upstream: string, decide: FaultDecider = () => undefined): Promise<FaultProxy> {
  const target = new URL(upstream);
  let decider = decide;
  const seen = new Map<string, number>();
  const injected = new Map<string, number>();
  const hung = new Set<Socket>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const call = { ...identify(req, body), attempt: attemptOf(req) };
      const key = `${call.service}:${call.operation}`;
      bump(seen, key);
      const fault = decider(call);
      if (fault?.kind === 'hang') {
        bump(injected, key);
        hung.add(req.socket);
        req.socket.once('close', () => hung.delete(req.socket));
        return;
      }
      if (fault?.kind === 'error') {
        bump(injected, key);
        const code = throttlingCodeFor(call.protocol, fault.code);
        const wire = wireError(call.protocol, code, fault.message ?? code);
        res.writeHead(fault.status, { ...wire.headers, 'content-length': Buffer.byteLength(wire.body) });
        res.end(wire.body);
        return;
      }
      const forward = httpRequest(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
        (upstreamRes) => {
          res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
          upstreamRes.pipe(res);
        },
      );
      forward.on('error', (err) => {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`fault proxy: upstream failed: ${err.message}`);
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    injected,
    setDecider(next) {
      decider = next;
    },
    async stop() {
      for (const socket of hung) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
