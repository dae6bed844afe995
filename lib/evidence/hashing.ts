import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Hashes a stream without holding it in memory; returns the hex digest and the byte count. */
export async function sha256OfStream(stream: Readable, onChunk?: (chunk: Buffer) => void): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    hash.update(buf);
    onChunk?.(buf);
    size += buf.length;
  }
  return { sha256: hash.digest('hex'), size };
}
