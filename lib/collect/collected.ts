import { z } from 'zod';

/** Why a piece of configuration could not be read. Never turned into "not configured". */
export const CollectionErrorSchema = z.object({
  /** AWS error code (AccessDeniedException, ThrottlingException, ...) or a local code (Timeout, ValidationError). */
  code: z.string(),
  message: z.string(),
  /** `service:Operation` that failed, e.g. `iam:GetAccountPasswordPolicy`. */
  operation: z.string(),
});
export type CollectionError = z.infer<typeof CollectionErrorSchema>;

/**
 * A part of a snapshot: either the data, or the error that prevented collecting it.
 * Checks that need the data report ERROR for the affected resources when `error` is set.
 */
export type Collected<T> = { data: T; error?: undefined } | { data?: undefined; error: CollectionError };

export function collectedSchema<T extends z.ZodType>(data: T) {
  return z.union([
    z.object({ data, error: z.undefined().optional() }),
    z.object({ data: z.undefined().optional(), error: CollectionErrorSchema }),
  ]);
}

export function ok<T>(data: T): Collected<T> {
  return { data };
}

export function failed<T>(error: CollectionError): Collected<T> {
  return { error };
}

/** Normalizes anything thrown by an SDK call into a CollectionError. */
export function toCollectionError(err: unknown, operation: string): CollectionError {
  if (err instanceof Error) {
    const meta = err as Error & { Code?: string; code?: string; $metadata?: { httpStatusCode?: number } };
    let code = meta.Code ?? meta.name ?? 'UnknownError';
    if (code === 'Error' || code === 'UnknownError') code = meta.code ?? code;
    if (code === 'TimeoutError' || code === 'AbortError' || meta.code === 'ETIMEDOUT') code = 'Timeout';
    if (code === 'Error' && meta.$metadata?.httpStatusCode) code = `Http${meta.$metadata.httpStatusCode}`;
    return { code, message: redact(err.message || code).slice(0, 500), operation };
  }
  return { code: 'UnknownError', message: redact(String(err)).slice(0, 500), operation };
}

// Error messages can echo request parameters; strip anything shaped like a credential.
function redact(message: string): string {
  return message
    .replace(/\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, '[redacted-access-key]')
    .replace(/\b[A-Za-z0-9/+=]{40}\b/g, '[redacted]');
}
