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
      response: stripMetadata(response),
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
