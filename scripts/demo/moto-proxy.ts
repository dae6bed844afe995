import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a proxied request looks like to an override: enough to recognise one AWS operation. */
export interface ProxiedRequest {
  method: string;
  path: string;
  /** `X-Amz-Target` for JSON-protocol services (e.g. `StarlingDoveService.GetDiscoveredResourceCounts`). */
  amzTarget?: string;
  body: string;
  headers: IncomingHttpHeaders;
}

export interface CannedResponse {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

export interface MotoProxy {
  url: string;
  /** Requests answered by an override, in order (for asserting what the SDK sent). */
  answered: ProxiedRequest[];
  close(): Promise<void>;
}

/**
 * An HTTP proxy in front of moto for the few operations moto does not emulate: `override` answers a
 * request in the service's own wire format, everything else goes to moto untouched. The SDK parses
 * the canned answer exactly as it would AWS's, so only the server side is stood in for.
 */
export async function startMotoProxy(motoUrl: string, override: (req: ProxiedRequest) => CannedResponse | undefined): Promise<MotoProxy> {
  const upstream = new URL(motoUrl);
  const answered: ProxiedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const target = req.headers['x-amz-target'];
      const proxied: ProxiedRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        ...(typeof target === 'string' ? { amzTarget: target } : {}),
        body: body.toString('utf8'),
        headers: req.headers,
      };
      const canned = override(proxied);
      if (canned) {
        answered.push(proxied);
        res.writeHead(canned.status, { 'content-type': 'application/x-amz-json-1.1', ...canned.headers });
        res.end(canned.body);
        return;
      }
      const forward = request(
        { hostname: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      forward.on('error', (err) => {
        res.writeHead(502);
        res.end(String(err));
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    answered,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A JSON-protocol service error in AWS's wire format (`__type` plus message, HTTP 400). */
export function jsonServiceError(code: string, message: string, status = 400): CannedResponse {
  return { status, headers: { 'x-amzn-errortype': code }, body: JSON.stringify({ __type: code, message }) };
}
