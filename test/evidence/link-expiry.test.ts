import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { AwsClientFactory } from '../../lib/aws/clients.js';
import { linkExpiry } from '../../lib/evidence/presign.js';

// Which expiry the digest states for a presigned link: only the credentials the client signs with are
// resolved (locally), no request is sent, so no emulator is needed.
const NOW = new Date('2026-01-05T08:00:00.000Z');
const WEEK = 7 * 86_400;

function s3With(credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string; expiration?: Date }): S3Client {
  return new AwsClientFactory({ credentials }).get(S3Client, 'us-east-1');
}

describe('linkExpiry', () => {
  it('is the credentials expiry when the signing session ends before the configured lifetime', async () => {
    const expiration = new Date('2026-01-05T14:00:00.000Z');
    const s3 = s3With({ accessKeyId: 'ASIA', secretAccessKey: 's', sessionToken: 't', expiration });
    expect(await linkExpiry(s3, WEEK, NOW)).toEqual({ expiresAt: expiration.toISOString(), limitedBy: 'credentials' });
  });

  it('is the configured lifetime when the credentials outlive it', async () => {
    const s3 = s3With({ accessKeyId: 'ASIA', secretAccessKey: 's', sessionToken: 't', expiration: new Date('2026-02-01T00:00:00.000Z') });
    expect(await linkExpiry(s3, WEEK, NOW)).toEqual({ expiresAt: '2026-01-12T08:00:00.000Z', limitedBy: 'configured' });
  });

  it('says so when temporary credentials carry no expiry (Lambda environment credentials)', async () => {
    const s3 = s3With({ accessKeyId: 'ASIA', secretAccessKey: 's', sessionToken: 't' });
    expect(await linkExpiry(s3, WEEK, NOW)).toEqual({ expiresAt: '2026-01-12T08:00:00.000Z', limitedBy: 'unknown-credentials' });
  });

  it('is the configured lifetime for long-term keys', async () => {
    const s3 = s3With({ accessKeyId: 'AKIA', secretAccessKey: 's' });
    expect(await linkExpiry(s3, 3600, NOW)).toEqual({ expiresAt: '2026-01-05T09:00:00.000Z', limitedBy: 'configured' });
  });
});
