import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsClientFactory } from '../../lib/aws/clients.js';
import { ArtifactClient, ListCustomerAgreementsCommand, paginateListCustomerAgreements } from '../../lib/aws/artifact-client.js';
import { TEST_CREDENTIALS } from '../support/moto.js';

// The stand-in Artifact client talks HTTP itself (no @aws-sdk/client-artifact on the registry), so it is
// tested against a local HTTP server playing the Artifact endpoint: request shape, SigV4, paging, errors.
let server: Server;
let clients: AwsClientFactory;
const seen: IncomingMessage[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.searchParams.get('nextToken') === 'deny') {
      res.writeHead(403, { 'x-amzn-errortype': 'AccessDeniedException:http://internal.amazon.com/coral/' });
      res.end(JSON.stringify({ message: 'User is not authorized to perform: artifact:ListCustomerAgreements' }));
      return;
    }
    const page2 = url.searchParams.get('nextToken') === 'p2';
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        customerAgreements: [{ name: page2 ? 'AWS Business Associate Addendum' : 'AWS Nondisclosure Agreement', state: 'ACTIVE', effectiveStart: page2 ? 1706745600 : '2024-02-01T00:00:00Z' }],
        ...(page2 ? {} : { nextToken: 'p2' }),
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  clients = new AwsClientFactory({ endpoint: `http://127.0.0.1:${port}`, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
});

afterAll(async () => {
  clients?.destroy();
  await new Promise((resolve) => server?.close(resolve));
});

describe('ArtifactClient (stand-in for @aws-sdk/client-artifact)', () => {
  it('sends signed GET /v1/customer-agreement/list requests and follows nextToken', async () => {
    const client = clients.get(ArtifactClient, 'us-east-1');
    const pages = [];
    for await (const page of paginateListCustomerAgreements({ client }, {})) pages.push(page);
    expect(pages.flatMap((p) => p.customerAgreements.map((a) => [a.name, a.effectiveStart?.toISOString()]))).toEqual([
      ['AWS Nondisclosure Agreement', '2024-02-01T00:00:00.000Z'],
      ['AWS Business Associate Addendum', '2024-02-01T00:00:00.000Z'],
    ]);
    expect(seen.map((r) => [r.method, r.url])).toEqual([
      ['GET', '/v1/customer-agreement/list'],
      ['GET', '/v1/customer-agreement/list?nextToken=p2'],
    ]);
    expect(seen[0]?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=testing\/\d{8}\/us-east-1\/artifact\/aws4_request, SignedHeaders=.*host.*, Signature=[0-9a-f]{64}$/);
  });

  it('throws the service error by name, as SDK clients do', async () => {
    const client = clients.get(ArtifactClient, 'us-east-1');
    await expect(client.send(new ListCustomerAgreementsCommand({ nextToken: 'deny' }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      $metadata: { httpStatusCode: 403 },
      message: 'User is not authorized to perform: artifact:ListCustomerAgreements',
    });
  });
});
