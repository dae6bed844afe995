import { fromIni } from '@aws-sdk/credential-providers';
import type { Command } from 'commander';
import { AwsClientFactory, DEFAULT_TIMEOUTS } from '../aws/clients.js';
import { validateRegionNames } from '../scan/regions.js';
import { UsageError } from './errors.js';

export interface AwsCliOptions {
  profile?: string;
  region?: string;
  endpointUrl?: string;
  requestTimeout?: string;
  connectTimeout?: string;
}

/** Adds the options every AWS-touching command shares. */
export function addAwsOptions(command: Command): Command {
  return command
    .option('--profile <name>', 'AWS named profile (default: the standard credential chain)')
    .option('--region <region>', 'home region for global services, STS and the pipeline stores', process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1')
    .option('--endpoint-url <url>', 'send all AWS calls to this endpoint (moto server, LocalStack)', process.env.HIPAA_AUDIT_ENDPOINT_URL)
    .option('--request-timeout <seconds>', 'per attempt: longest wait for an AWS response (retried by the SDK, then reported as ERROR)', String(DEFAULT_TIMEOUTS.requestTimeoutMs / 1000))
    .option('--connect-timeout <seconds>', 'per attempt: longest wait for a connection to an AWS endpoint', String(DEFAULT_TIMEOUTS.connectionTimeoutMs / 1000));
}

function parseSeconds(value: string | undefined, flag: string, fallbackMs: number): number {
  if (value === undefined) return fallbackMs;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0.1 || seconds > 900) {
    throw new UsageError(`${flag} must be a number of seconds from 0.1 to 900, got "${value}".`);
  }
  return Math.round(seconds * 1000);
}

/** `--region`, refused (exit 2) unless it is a region AWS has. */
export function homeRegion(options: AwsCliOptions): string {
  return validateRegionNames([options.region ?? 'us-east-1'])[0] ?? 'us-east-1';
}

/** One client factory per CLI invocation, from the shared options. */
export function clientsFromOptions(options: AwsCliOptions): AwsClientFactory {
  if (options.endpointUrl) {
    try {
      const url = new URL(options.endpointUrl);
      if (!/^https?:$/.test(url.protocol)) throw new Error('not http(s)');
    } catch {
      throw new UsageError(`--endpoint-url "${options.endpointUrl}" is not an http(s) URL.`);
    }
  }
  return new AwsClientFactory({
    ...(options.endpointUrl ? { endpoint: options.endpointUrl } : {}),
    ...(options.profile ? { credentials: fromIni({ profile: options.profile }) } : {}),
    requestTimeoutMs: parseSeconds(options.requestTimeout, '--request-timeout', DEFAULT_TIMEOUTS.requestTimeoutMs),
    connectionTimeoutMs: parseSeconds(options.connectTimeout, '--connect-timeout', DEFAULT_TIMEOUTS.connectionTimeoutMs),
  });
}

/** Names of the pipeline's own resources, from options or environment (set by the CDK outputs). */
export interface PipelineResourceOptions {
  table?: string;
  evidenceBucket?: string;
  signingKeyId?: string;
}

/**
 * Each command adds only the pipeline resources it uses, so its help lists nothing it ignores. They are
 * required but may come from the environment (set from the CDK outputs); requireOption says so.
 */
export function addTableOption(command: Command): Command {
  return command.option('--table <name>', 'findings table (required; env HIPAA_AUDIT_TABLE)', process.env.HIPAA_AUDIT_TABLE);
}

export function addEvidenceBucketOption(command: Command): Command {
  return command.option('--evidence-bucket <name>', 'evidence bucket (required; env HIPAA_AUDIT_EVIDENCE_BUCKET)', process.env.HIPAA_AUDIT_EVIDENCE_BUCKET);
}

export function addSigningKeyOption(command: Command): Command {
  return command.option('--signing-key-id <id>', 'KMS key id/ARN/alias that signs manifests (required; env HIPAA_AUDIT_SIGNING_KEY_ID)', process.env.HIPAA_AUDIT_SIGNING_KEY_ID);
}

/** All three pipeline resources, for a command that uses all of them. */
export function addPipelineResourceOptions(command: Command): Command {
  return addSigningKeyOption(addEvidenceBucketOption(addTableOption(command)));
}

export function requireOption<T>(value: T | undefined, flag: string, env: string): T {
  if (value === undefined || value === '') throw new UsageError(`${flag} is required (or set ${env}).`);
  return value;
}
