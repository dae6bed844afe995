import type { Context } from 'aws-lambda';
import { respondToFingerprintRequest, type CustomResourceResponse } from '../lib/pipeline/index.js';
import { logger } from './handler-kit.js';

/**
 * Custom resource handler (CloudFormation invokes it at deploy time). Its answer is the PUT to the
 * response URL, not the return value; a key that cannot be read is answered FAILED there.
 */
export async function handler(event: unknown, context: Context): Promise<CustomResourceResponse> {
  logger.addContext(context);
  try {
    const response = await respondToFingerprintRequest(event, process.env);
    if (response.Status === 'FAILED') logger.error('SigningKeyFingerprint answered FAILED', { reason: response.Reason });
    else logger.info('SigningKeyFingerprint done', { fingerprint: response.Data?.Fingerprint });
    return response;
  } catch (err) {
    logger.error('SigningKeyFingerprint failed', err as Error);
    throw err;
  }
}
