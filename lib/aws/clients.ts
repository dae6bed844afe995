import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

/**
 * Everything an AWS SDK v3 client needs, decided in one place so collectors, stores and the mailer
 * never build clients themselves (Powertools' "create once, inject" pattern).
 */
export interface AwsClientSettings {
  /** Override endpoint (moto server, LocalStack, VPC endpoints). S3 then uses path-style URLs. */
  endpoint?: string;
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Named profile from the shared config files; ignored when `credentials` is given. */
  profile?: string;
  /** SDK retry mode; default {@link DEFAULT_RETRY}. adaptive adds client-side rate limiting on throttling. */
  retryMode?: 'adaptive' | 'standard';
  maxAttempts?: number;
  /**
   * Longest wait for a response's headers, and longest idle gap while its body streams, per attempt.
   * Enforced (the handler throws a TimeoutError), so a hung endpoint becomes an ERROR after the
   * SDK's retries instead of a hung run. Default {@link DEFAULT_TIMEOUTS}.requestTimeoutMs.
   */
  requestTimeoutMs?: number;
  /** Longest wait for the TCP (and TLS) connection per attempt. Default {@link DEFAULT_TIMEOUTS}.connectionTimeoutMs. */
  connectionTimeoutMs?: number;
  /** Middleware hook (API call counting in the benchmark, request logging). */
  onClientCreated?: (client: AnyAwsClient, serviceName: string) => void;
}

// The minimal structural shape of an SDK v3 client we rely on.
export interface AnyAwsClient {
  middlewareStack: { add: (...args: never[]) => void };
  config: unknown;
  destroy(): void;
}

/**
 * Per-attempt limits. AWS control-plane reads answer in well under a second; 30 s leaves room for a
 * slow paginated listing while bounding a call that never answers to about maxAttempts × 30 s.
 */
export const DEFAULT_TIMEOUTS = { connectionTimeoutMs: 5_000, requestTimeoutMs: 30_000 } as const;

/**
 * `standard` with 8 attempts, measured against `adaptive` through a throttling proxy (`npm run bench`,
 * README "Retries under throttling"): as fast without throttling, 5-8x faster under random throttling
 * (adaptive's client-side rate limiter keeps slowing down after errors that say nothing about rate),
 * and with 8 attempts it recovers under a hard per-service limit where 5 attempts left calls failed.
 */
export const DEFAULT_RETRY = { mode: 'standard', maxAttempts: 8 } as const;

type ClientConstructor<C> = new (config: Record<string, unknown>) => C;

/** Builds per-region SDK clients with shared settings, caching one client per service and region. */
export class AwsClientFactory {
  private readonly cache = new Map<string, AnyAwsClient>();

  constructor(readonly settings: AwsClientSettings = {}) {}

  get<C extends AnyAwsClient>(Client: ClientConstructor<C>, region: string): C {
    const key = `${Client.name}:${region}`;
    const cached = this.cache.get(key);
    if (cached) return cached as C;
    const client = new Client(this.clientConfig(Client.name, region));
    this.settings.onClientCreated?.(client, Client.name.replace(/Client$/, ''));
    this.cache.set(key, client);
    return client;
  }

  clientConfig(clientName: string, region: string): Record<string, unknown> {
    const { endpoint, credentials, profile, retryMode, maxAttempts } = this.settings;
    const requestTimeout = this.settings.requestTimeoutMs ?? DEFAULT_TIMEOUTS.requestTimeoutMs;
    const config: Record<string, unknown> = {
      region,
      retryMode: retryMode ?? DEFAULT_RETRY.mode,
      maxAttempts: maxAttempts ?? DEFAULT_RETRY.maxAttempts,
      requestHandler: new NodeHttpHandler({
        connectionTimeout: this.settings.connectionTimeoutMs ?? DEFAULT_TIMEOUTS.connectionTimeoutMs,
        requestTimeout,
        // @smithy/node-http-handler 4.x only logs a warning when requestTimeout passes unless this is set.
        throwOnRequestTimeout: true,
        // requestTimeout stops once headers arrive; a body that stalls mid-stream is cut by the idle timeout.
        socketTimeout: requestTimeout,
      }),
    };
    if (endpoint) config.endpoint = endpoint;
    if (endpoint && (clientName === 'S3Client' || clientName === 'S3ControlClient')) config.forcePathStyle = true;
    // S3 Control's endpoint rules prefix the host with the account id; against a custom endpoint given
    // by IP (moto on 127.0.0.1) that is not a valid URL, so resolve every request to the endpoint as given.
    if (endpoint && clientName === 'S3ControlClient') config.endpointProvider = () => ({ url: new URL(endpoint) });
    if (credentials) config.credentials = credentials;
    else if (profile) config.profile = profile;
    return config;
  }

  destroy(): void {
    for (const client of this.cache.values()) client.destroy();
    this.cache.clear();
  }
}
