import { KMSClient } from '@aws-sdk/client-kms';
import { z } from 'zod';
import { AwsClientFactory } from '../aws/clients.js';
import { fetchPublicKey } from '../evidence/signing.js';

/**
 * The CloudFormation custom resource behind the `SigningKeyFingerprint` stack output: the signing key is
 * created at deploy time, so its public key's SHA-256 (the value `verify --trusted-key-fingerprint` pins
 * and every manifest records) can only be read from KMS then. Same function as the sealer's, so the
 * output, the manifests and the digest can never disagree on how a fingerprint is computed.
 */
export const FingerprintRequestSchema = z.object({
  RequestType: z.enum(['Create', 'Update', 'Delete']),
  ResponseURL: z.url(),
  StackId: z.string().min(1),
  RequestId: z.string().min(1),
  LogicalResourceId: z.string().min(1),
  PhysicalResourceId: z.string().optional(),
  ResourceProperties: z.object({ KeyId: z.string().min(1) }),
});
export type FingerprintRequest = z.infer<typeof FingerprintRequestSchema>;

export interface CustomResourceResponse {
  Status: 'SUCCESS' | 'FAILED';
  Reason?: string;
  PhysicalResourceId: string;
  StackId: string;
  RequestId: string;
  LogicalResourceId: string;
  Data?: { Fingerprint: string };
}

/** Answers one request; a failure becomes a FAILED response with a one-line reason (CloudFormation shows it). */
export async function answerFingerprintRequest(
  request: FingerprintRequest,
  clients: AwsClientFactory,
  region: string,
): Promise<CustomResourceResponse> {
  const base = { StackId: request.StackId, RequestId: request.RequestId, LogicalResourceId: request.LogicalResourceId };
  const physicalId = request.PhysicalResourceId ?? `signing-key-fingerprint-${request.LogicalResourceId}`;
  // Nothing was created, so there is nothing to delete (and the key itself is retained).
  if (request.RequestType === 'Delete') return { ...base, Status: 'SUCCESS', PhysicalResourceId: physicalId };
  try {
    const key = await fetchPublicKey(clients.get(KMSClient, region), request.ResourceProperties.KeyId);
    return { ...base, Status: 'SUCCESS', PhysicalResourceId: physicalId, Data: { Fingerprint: key.sha256 } };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ...base, Status: 'FAILED', PhysicalResourceId: physicalId, Reason: `Cannot read the signing key's public key: ${message}`.replace(/\s+/g, ' ').slice(0, 500) };
  }
}

/** CloudFormation waits for this PUT to its pre-signed URL; the signature covers no Content-Type, so send none. */
export async function sendCustomResourceResponse(responseUrl: string, response: CustomResourceResponse): Promise<void> {
  const body = JSON.stringify(response);
  const res = await fetch(responseUrl, { method: 'PUT', body, headers: { 'content-type': '', 'content-length': String(Buffer.byteLength(body)) } });
  if (!res.ok) throw new Error(`CloudFormation response upload failed: HTTP ${res.status}`);
}

/** The invalid request has no usable ResponseURL, so there is no one to answer: the invocation fails. */
export class InvalidCustomResourceRequestError extends Error {
  constructor(issues: readonly string[]) {
    super(`SigningKeyFingerprint: invalid custom resource request: ${issues.join('; ')}`);
    this.name = 'InvalidCustomResourceRequestError';
  }
}

/**
 * Parses a CloudFormation request, answers it and PUTs the answer to its response URL. A failure to read
 * the key is answered FAILED (the deployment stops with the reason) rather than thrown: a thrown error
 * would leave CloudFormation waiting an hour for an answer that never comes.
 */
export async function respondToFingerprintRequest(
  event: unknown,
  processEnv: { AWS_REGION?: string | undefined; AWS_ENDPOINT_URL?: string | undefined },
): Promise<CustomResourceResponse> {
  const parsed = FingerprintRequestSchema.safeParse(event);
  if (!parsed.success) throw new InvalidCustomResourceRequestError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const clients = new AwsClientFactory(processEnv.AWS_ENDPOINT_URL ? { endpoint: processEnv.AWS_ENDPOINT_URL } : {});
  try {
    const response = await answerFingerprintRequest(parsed.data, clients, processEnv.AWS_REGION ?? 'us-east-1');
    await sendCustomResourceResponse(parsed.data.ResponseURL, response);
    return response;
  } finally {
    clients.destroy();
  }
}
