import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Context } from 'aws-lambda';
import { KMSClient, GetPublicKeyCommand } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSigningKey } from '../../lib/evidence/setup.js';
import { derToPem, pemFingerprint } from '../../lib/evidence/signing.js';
import { motoClients, startMoto, type MotoServer } from '../support/moto.js';

// The SigningKeyFingerprint custom resource's handler against moto's KMS, answering to a local HTTP
// server standing in for CloudFormation's pre-signed response URL.
const context = { functionName: 'fingerprint', awsRequestId: 'req-1', getRemainingTimeInMillis: () => 60_000 } as unknown as Context;
let moto: MotoServer;
let responses: Server;
let responseUrl = '';
const received: { method: string; contentType: string | undefined; body: Record<string, unknown> }[] = [];
let handler: (event: unknown, context: Context) => Promise<unknown>;

beforeAll(async () => {
  moto = await startMoto();
  responses = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method ?? '', contentType: req.headers['content-type'], body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => responses.listen(0, '127.0.0.1', resolve));
  responseUrl = `http://127.0.0.1:${(responses.address() as AddressInfo).port}/response?X-Amz-Signature=x`;
  process.env.AWS_ENDPOINT_URL = moto.url;
  process.env.AWS_REGION = 'us-east-1';
  handler = (await import('../../functions/signing-key-fingerprint.js')).handler;
});

afterAll(async () => {
  delete process.env.AWS_ENDPOINT_URL;
  await new Promise((resolve) => responses?.close(resolve));
  await moto?.stop();
});

function request(type: 'Create' | 'Update' | 'Delete', keyId: string) {
  return {
    RequestType: type, ResponseURL: responseUrl, StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/HipaaAuditStack/uuid',
    RequestId: `r-${received.length}`, LogicalResourceId: 'SigningKeyFingerprint', ResourceProperties: { ServiceToken: 'arn', KeyId: keyId },
    ...(type === 'Create' ? {} : { PhysicalResourceId: 'signing-key-fingerprint-SigningKeyFingerprint' }),
  };
}

describe('SigningKeyFingerprint custom resource', () => {
  it('answers Create with the SHA-256 of the public key, the same value verify --trusted-key-fingerprint pins', async () => {
    const clients = motoClients(moto);
    const keyId = await createSigningKey(clients, 'us-east-1');
    const out = await clients.get(KMSClient, 'us-east-1').send(new GetPublicKeyCommand({ KeyId: keyId }));
    clients.destroy();
    const expected = pemFingerprint(derToPem(out.PublicKey ?? new Uint8Array()));

    await handler(request('Create', keyId), context);
    const answer = received.at(-1);
    expect(answer?.method).toBe('PUT');
    expect(answer?.contentType ?? '').toBe('');
    expect(answer?.body).toMatchObject({ Status: 'SUCCESS', LogicalResourceId: 'SigningKeyFingerprint', Data: { Fingerprint: expected } });
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers FAILED with a one-line reason when the key cannot be read, so the deployment stops instead of waiting', async () => {
    await handler(request('Update', 'arn:aws:kms:us-east-1:123456789012:key/00000000-0000-0000-0000-000000000000'), context);
    const answer = received.at(-1);
    expect(answer?.body).toMatchObject({ Status: 'FAILED', PhysicalResourceId: 'signing-key-fingerprint-SigningKeyFingerprint' });
    expect(String(answer?.body.Reason)).toMatch(/^Cannot read the signing key's public key: NotFoundException/);
    expect(String(answer?.body.Reason)).not.toContain('\n');
  });

  it('answers Delete without touching KMS (the key is retained)', async () => {
    await handler(request('Delete', 'not-a-key'), context);
    expect(received.at(-1)?.body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'signing-key-fingerprint-SigningKeyFingerprint' });
  });
});
