import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import type { Readable } from 'node:stream';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { Client, Command, ServiceException, type SmithyResolvedConfiguration } from '@smithy/core/client';
import { HttpRequest } from '@smithy/core/transport';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { SignatureV4 } from '@smithy/signature-v4';
import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  Checksum,
  Handler,
  MetadataBearer,
  MiddlewareStack,
  SourceData,
} from '@smithy/types';

/**
 * A minimal client for the one AWS Artifact call the audit makes (ListCustomerAgreements, REST-JSON,
 * SigV4 service `artifact`). `@aws-sdk/client-artifact` exists upstream but is not on the npm registry
 * this project installs from; replace this file with it when it is (same class and command names).
 * It is a smithy Client, so AwsClientFactory builds it with the shared settings, middleware added with
 * `onClientCreated` runs, and aws-sdk-client-mock can mock it.
 */
export interface CustomerAgreementSummary {
  name?: string;
  arn?: string;
  id?: string;
  agreementArn?: string;
  awsAccountId?: string;
  organizationArn?: string;
  effectiveStart?: Date;
  effectiveEnd?: Date;
  state?: 'ACTIVE' | 'CUSTOMER_TERMINATED' | 'AWS_TERMINATED' | string;
  description?: string;
  type?: 'CUSTOM' | 'DEFAULT' | 'MODIFIED' | string;
}

export interface ListCustomerAgreementsCommandInput {
  maxResults?: number;
  nextToken?: string;
}

export interface ListCustomerAgreementsCommandOutput extends MetadataBearer {
  customerAgreements: CustomerAgreementSummary[];
  nextToken?: string;
}

interface ArtifactResolvedConfig extends SmithyResolvedConfiguration<object> {
  region: string;
  endpoint: URL;
  credentials: AwsCredentialIdentityProvider;
  maxAttempts: number;
}

export class ArtifactServiceException extends ServiceException {}

/** SHA-256 / HMAC-SHA-256 from node:crypto in the shape SignatureV4 expects. */
class NodeSha256 implements Checksum {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }
  update(data: Uint8Array | string): void {
    this.hash.update(data);
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
  reset(): void {
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    if (this.secret === undefined) return createHash('sha256');
    const secret = this.secret;
    const key =
      typeof secret === 'string' ? secret
      : secret instanceof ArrayBuffer ? Buffer.from(secret)
      : Buffer.from(secret.buffer, secret.byteOffset, secret.byteLength);
    return createHmac('sha256', key);
  }
}

function credentialProvider(config: Record<string, unknown>): AwsCredentialIdentityProvider {
  const given = config.credentials as AwsCredentialIdentity | AwsCredentialIdentityProvider | undefined;
  if (typeof given === 'function') return given;
  if (given) return () => Promise.resolve(given);
  return fromNodeProviderChain(typeof config.profile === 'string' ? { profile: config.profile } : {});
}

export class ArtifactClient extends Client<object, ListCustomerAgreementsCommandInput, ListCustomerAgreementsCommandOutput, ArtifactResolvedConfig> {
  constructor(config: Record<string, unknown>) {
    const region = typeof config.region === 'string' ? config.region : 'us-east-1';
    const endpoint = typeof config.endpoint === 'string' ? config.endpoint : `https://artifact.${region}.amazonaws.com`;
    super({
      apiVersion: '2018-05-10',
      region,
      endpoint: new URL(endpoint),
      credentials: credentialProvider(config),
      maxAttempts: typeof config.maxAttempts === 'number' ? config.maxAttempts : 3,
      requestHandler: config.requestHandler instanceof NodeHttpHandler ? config.requestHandler : new NodeHttpHandler(),
    });
  }
}

export class ListCustomerAgreementsCommand extends Command<
  ListCustomerAgreementsCommandInput,
  ListCustomerAgreementsCommandOutput,
  ArtifactResolvedConfig,
  ListCustomerAgreementsCommandInput,
  ListCustomerAgreementsCommandOutput
> {
  constructor(readonly input: ListCustomerAgreementsCommandInput) {
    super();
  }

  resolveMiddleware(
    clientStack: MiddlewareStack<ListCustomerAgreementsCommandInput, ListCustomerAgreementsCommandOutput>,
    config: ArtifactResolvedConfig,
  ): Handler<ListCustomerAgreementsCommandInput, ListCustomerAgreementsCommandOutput> {
    const stack = clientStack.concat(this.middlewareStack);
    return stack.resolve(async ({ input }) => ({ output: await listWithRetries(config, input), response: {} }), {
      clientName: 'ArtifactClient',
      commandName: 'ListCustomerAgreementsCommand',
    });
  }
}

/** Drains ListCustomerAgreements page by page, like the SDK's generated paginators. */
export async function* paginateListCustomerAgreements(
  { client }: { client: ArtifactClient },
  input: ListCustomerAgreementsCommandInput,
): AsyncGenerator<ListCustomerAgreementsCommandOutput> {
  let nextToken = input.nextToken;
  do {
    const page = await client.send(new ListCustomerAgreementsCommand({ ...input, ...(nextToken ? { nextToken } : {}) }));
    yield page;
    nextToken = page.nextToken;
  } while (nextToken);
}

const RETRYABLE = new Set(['ThrottlingException', 'InternalServerException', 'ServiceUnavailableException']);

async function listWithRetries(config: ArtifactResolvedConfig, input: ListCustomerAgreementsCommandInput): Promise<ListCustomerAgreementsCommandOutput> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await listOnce(config, input, attempt);
    } catch (err) {
      const retryable = err instanceof ArtifactServiceException ? RETRYABLE.has(err.name) || err.$fault === 'server' : true;
      if (!retryable || attempt >= config.maxAttempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
}

async function listOnce(config: ArtifactResolvedConfig, input: ListCustomerAgreementsCommandInput, attempt: number): Promise<ListCustomerAgreementsCommandOutput> {
  const { endpoint } = config;
  const query: Record<string, string> = {};
  if (input.maxResults !== undefined) query.maxResults = String(input.maxResults);
  if (input.nextToken !== undefined) query.nextToken = input.nextToken;
  const request = new HttpRequest({
    method: 'GET',
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    ...(endpoint.port ? { port: Number(endpoint.port) } : {}),
    path: `${endpoint.pathname.replace(/\/$/, '')}/v1/customer-agreement/list`,
    query,
    // amz-sdk-request as the SDK's retry middleware sends it, so proxies and AWS see retries as retries.
    headers: { host: endpoint.host, accept: 'application/json', 'amz-sdk-request': `attempt=${attempt}; max=${config.maxAttempts}` },
  });
  const signer = new SignatureV4({ service: 'artifact', region: config.region, credentials: config.credentials, sha256: NodeSha256 });
  const signed = await signer.sign(request);
  const { response } = await config.requestHandler.handle(signed as HttpRequest);
  const text = await readBody(response.body as Readable | undefined);
  const $metadata = { httpStatusCode: response.statusCode, requestId: header(response.headers, 'x-amzn-requestid') };
  const body = parseJson(text);
  if (response.statusCode >= 300) {
    // x-amzn-errortype is `Name:uri`; a body __type may be `namespace#Name`.
    const raw = header(response.headers, 'x-amzn-errortype') ?? String(body.__type ?? body.code ?? `Http${response.statusCode}`);
    throw new ArtifactServiceException({
      name: raw.split(':')[0]?.split('#').pop() || `Http${response.statusCode}`,
      $fault: response.statusCode >= 500 ? 'server' : 'client',
      $metadata,
      message: typeof body.message === 'string' ? body.message : typeof body.Message === 'string' ? body.Message : `HTTP ${response.statusCode}`,
    });
  }
  const agreements = Array.isArray(body.customerAgreements) ? (body.customerAgreements as Record<string, unknown>[]) : [];
  return {
    $metadata,
    customerAgreements: agreements.map(toSummary),
    ...(typeof body.nextToken === 'string' ? { nextToken: body.nextToken } : {}),
  };
}

function toSummary(raw: Record<string, unknown>): CustomerAgreementSummary {
  const text = (key: string): Record<string, string> => (typeof raw[key] === 'string' ? { [key]: raw[key] } : {});
  const time = (key: string): Record<string, Date> => {
    const value = raw[key];
    // restJson1 timestamps arrive as epoch seconds unless the model says date-time; accept both.
    if (typeof value === 'number') return { [key]: new Date(value * 1000) };
    if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return { [key]: new Date(value) };
    return {};
  };
  return {
    ...text('name'), ...text('arn'), ...text('id'), ...text('agreementArn'), ...text('awsAccountId'), ...text('organizationArn'),
    ...text('state'), ...text('description'), ...text('type'), ...time('effectiveStart'), ...time('effectiveEnd'),
  };
}

function header(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

async function readBody(stream: Readable | undefined): Promise<string> {
  if (!stream) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
