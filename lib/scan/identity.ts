import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsClientFactory } from '../aws/clients.js';
import { ExpectedError } from '../model/errors.js';

export class CredentialsError extends ExpectedError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CredentialsError';
  }
}

/** Which account the credentials reach; the first call of every scan, so bad credentials fail fast. */
export async function resolveIdentity(
  clients: AwsClientFactory,
  region: string,
): Promise<{ accountId: string; partition: string; arn: string }> {
  try {
    const identity = await clients.get(STSClient, region).send(new GetCallerIdentityCommand({}));
    const arn = identity.Arn ?? '';
    if (!identity.Account) throw new Error('GetCallerIdentity returned no account');
    return { accountId: identity.Account, partition: arn.split(':')[1] ?? 'aws', arn };
  } catch (err) {
    const name = err instanceof Error ? err.name : 'Error';
    const message = err instanceof Error ? err.message : String(err);
    throw new CredentialsError(
      `Could not identify the AWS account (${name}: ${message}). Check your credentials or --profile; ` +
        'the scan needs sts:GetCallerIdentity.',
      { cause: err },
    );
  }
}
