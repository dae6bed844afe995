import type { Context } from 'aws-lambda';
import { AwsClientFactory } from '../lib/aws/clients.js';
import {
  answerFingerprintRequest, FingerprintRequestSchema, sendCustomResourceResponse, type CustomResourceResponse,
} from '../lib/pipeline/signing-key-fingerprint.js';
import { logger } from './handler-kit.js';

/**
 * Custom resource handler (CloudFormation invokes it at deploy time). Its answer is the PUT to the
 * response URL, not the return value: a failure is reported there as FAILED, so the deployment stops
 * with the reason instead of waiting an hour for a response that a thrown error would never send.
 */
export async function handler(event: unknown, context: Context): Promise<CustomResourceResponse | undefined> {
  logger.addContext(context);
  const parsed = FingerprintRequestSchema.safeParse(event);
  if (!parsed.success) {
    // Without a valid ResponseURL there is no one to answer: fail the invocation loudly.
    logger.error('SigningKeyFingerprint: invalid custom resource request', { issues: parsed.error.issues.map((i) => i.message) });
    throw new Error('SigningKeyFingerprint: invalid custom resource request');
  }
  const clients = new AwsClientFactory(process.env.AWS_ENDPOINT_URL ? { endpoint: process.env.AWS_ENDPOINT_URL } : {});
  try {
    const response = await answerFingerprintRequest(parsed.data, clients, process.env.AWS_REGION ?? 'us-east-1');
    if (response.Status === 'FAILED') logger.error('SigningKeyFingerprint failed', { reason: response.Reason });
    else logger.info('SigningKeyFingerprint done', { fingerprint: response.Data?.Fingerprint });
    await sendCustomResourceResponse(parsed.data.ResponseURL, response);
    return response;
  } finally {
    clients.destroy();
  }
}
