import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { AwsClientFactory } from '../aws/clients.js';
import type { PipelineEnv } from './env.js';

const SCAN_SESSION_SECONDS = 3_600;

/**
 * Credentials of the collector role: the only principal member roles trust. The Lambda role itself
 * can write to the stores, so it is deliberately not trusted by the read-only member roles.
 */
export function collectorCredentials(env: PipelineEnv): AwsCredentialIdentityProvider | undefined {
  if (!env.COLLECTOR_ROLE_ARN) return undefined;
  return fromTemporaryCredentials({
    params: { RoleArn: env.COLLECTOR_ROLE_ARN, RoleSessionName: 'hipaa-audit-collector', DurationSeconds: SCAN_SESSION_SECONDS },
    clientConfig: stsClientConfig(env),
  });
}

/** STS for the role chain: the emulator's endpoint when one is set (moto switches account on AssumeRole). */
function stsClientConfig(env: PipelineEnv): { region: string; endpoint?: string } {
  return { region: env.AWS_REGION, ...(env.AWS_ENDPOINT_URL ? { endpoint: env.AWS_ENDPOINT_URL } : {}) };
}

/**
 * Clients for a member account: Lambda role -> collector role -> the account's read-only member role
 * (with ExternalId). Every account, the pipeline's own included, is read through its member role.
 * A separate emulator for the targets (TARGET_ENDPOINT_URL, the demo's clinic) is read with the given
 * credentials directly; one emulator for everything (AWS_ENDPOINT_URL alone) is read through the same
 * role chain as AWS, which moto answers by switching to the member account.
 */
export function clientsForTarget(env: PipelineEnv, accountId: string, partition = 'aws'): AwsClientFactory {
  const base = { retryMode: 'adaptive' as const, maxAttempts: 6 };
  if (env.TARGET_ENDPOINT_URL) return new AwsClientFactory({ ...base, endpoint: env.TARGET_ENDPOINT_URL });
  const collector = collectorCredentials(env);
  return new AwsClientFactory({
    ...base,
    ...(env.AWS_ENDPOINT_URL ? { endpoint: env.AWS_ENDPOINT_URL } : {}),
    credentials: fromTemporaryCredentials({
      ...(collector ? { masterCredentials: collector } : {}),
      params: {
        RoleArn: `arn:${partition}:iam::${accountId}:role/${env.MEMBER_ROLE_NAME}`,
        RoleSessionName: 'hipaa-audit-scan',
        DurationSeconds: SCAN_SESSION_SECONDS,
        ...(env.EXTERNAL_ID ? { ExternalId: env.EXTERNAL_ID } : {}),
      },
      clientConfig: stsClientConfig(env),
    }),
  });
}

/** Clients for the pipeline's own resources (table, bucket, keys, SES) with the function's own role. */
export function pipelineClients(env: PipelineEnv): AwsClientFactory {
  return new AwsClientFactory({
    ...(env.AWS_ENDPOINT_URL ? { endpoint: env.AWS_ENDPOINT_URL } : {}),
    retryMode: 'adaptive',
    maxAttempts: 6,
  });
}

/** Clients acting as the collector role (Organizations listing in organization mode). */
export function collectorClients(env: PipelineEnv): AwsClientFactory {
  const collector = collectorCredentials(env);
  return new AwsClientFactory({
    ...(env.AWS_ENDPOINT_URL ? { endpoint: env.AWS_ENDPOINT_URL } : {}),
    ...(collector && !env.AWS_ENDPOINT_URL ? { credentials: collector } : {}),
    retryMode: 'adaptive',
    maxAttempts: 6,
  });
}
