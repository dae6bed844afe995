import type { CollectionError } from '../model/collection-error.js';

/** Normalizes anything thrown by an SDK call into a CollectionError. */
export function toCollectionError(err: unknown, operation: string): CollectionError {
  if (err instanceof Error) {
    const meta = err as Error & { Code?: string; code?: string; $metadata?: { httpStatusCode?: number } };
    let code = meta.Code ?? meta.name ?? 'UnknownError';
    if (code === 'Error' || code === 'UnknownError') code = meta.code ?? code;
    if (code === 'TimeoutError' || code === 'AbortError' || meta.code === 'ETIMEDOUT') code = 'Timeout';
    // A body the SDK could not parse (an HTML error page from a proxy or an emulator) is named by its status.
    if ((code === 'Error' || code === 'SyntaxError') && meta.$metadata?.httpStatusCode) code = `Http${meta.$metadata.httpStatusCode}`;
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
