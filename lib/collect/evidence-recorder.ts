/** One raw API response (or page) that a verdict rests on; kept as evidence. */
export interface RawEvidence {
  service: string;
  region: string;
  operation: string;
  /** Which resource or parameters this call was about, when not a plain list call. */
  target?: string;
  collectedAt: string;
  /** The raw response with SDK `$metadata` removed. Configuration metadata only. */
  response: unknown;
}

/** Accumulates raw responses while collecting. Collectors push; the evidence writer drains. */
export class EvidenceRecorder {
  readonly records: RawEvidence[] = [];
  constructor(private readonly clock: () => Date = () => new Date()) {}

  record(service: string, region: string, operation: string, response: unknown, target?: string): void {
    this.records.push({
      service,
      region,
      operation,
      ...(target === undefined ? {} : { target }),
      collectedAt: this.clock().toISOString(),
      response: redactSecrets(stripMetadata(response)),
    });
  }
}

function stripMetadata(response: unknown): unknown {
  if (response && typeof response === 'object' && '$metadata' in response) {
    const { $metadata: _ignored, ...rest } = response as Record<string, unknown>;
    return rest;
  }
  return response;
}

/**
 * Field names that carry secret material in some AWS response (MFA seeds, passwords, secret keys,
 * session tokens; Lambda ListFunctions' `Environment` and ECS DescribeTaskDefinition's `environment`,
 * plaintext variables where people put database passwords and API keys). Collectors call no API that should return them; this is the second line of
 * defence so evidence never stores a secret even if an emulator or a future API returns one.
 */
const SECRET_FIELD = /^(Base32StringSeed|QRCodePNG|SecretAccessKey|SessionToken|Password|MasterUserPassword|PrivateKey|PrivateKeyPlaintext|Plaintext|SecretString|SecretBinary|Environment)$/i;

export const REDACTED = '[redacted by hipaa-audit]';

export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value && typeof value === 'object' && !(value instanceof Date) && !(value instanceof Uint8Array)) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      out[key] = SECRET_FIELD.test(key) ? REDACTED : redactSecrets(inner);
    }
    return out;
  }
  return value;
}
