import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { AwsClientFactory } from '../aws/clients.js';
import type { PipelineEnv } from './env.js';

/**
 * Clients for a member account: assume the read-only member role (with ExternalId), except for the
 * pipeline's own account and local emulation, where the function's own credentials are used.
 */
export function clientsForTarget(env: PipelineEnv, accountId: string, ownAccountId: string | undefined): AwsClientFactory {
  const endpoint = env.TARGET_ENDPOINT_URL ?? env.AWS_ENDPOINT_URL;
  const base = {
    ...(endpoint ? { endpoint } : {}),
    retryMode: 'adaptive' as const,
    maxAttempts: 6,
  };
  if (endpoint || accountId === ownAccountId) return new AwsClientFactory(base);
  const roleArn = `arn:aws:iam::${accountId}:role/${env.MEMBER_ROLE_NAME}`;
  return new AwsClientFactory({
    ...base,
    credentials: fromTemporaryCredentials({
      params: {
        RoleArn: roleArn,
        RoleSessionName: 'hipaa-audit-scan',
        DurationSeconds: 3_600,
        ...(env.EXTERNAL_ID ? { ExternalId: env.EXTERNAL_ID } : {}),
      },
      clientConfig: { region: env.AWS_REGION },
    }),
  });
}

/** Clients for the pipeline's own resources (table, bucket, keys, SES) in its own account. */
export function pipelineClients(env: PipelineEnv): AwsClientFactory {
  return new AwsClientFactory({
    ...(env.AWS_ENDPOINT_URL ? { endpoint: env.AWS_ENDPOINT_URL } : {}),
    retryMode: 'adaptive',
    maxAttempts: 6,
  });
}
