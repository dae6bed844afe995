import { failed, ok, type Collected } from '../../snapshot/collected.js';
import type { CallTarget } from '../../collect/context.js';

export function target(service: string, region: string, operation: string, resource?: string): CallTarget {
  return resource === undefined ? { service, region, operation } : { service, region, operation, target: resource };
}

/** Transforms collected data, passing an error through untouched. */
export function mapCollected<T, U>(collected: Collected<T>, fn: (data: T) => U): Collected<U> {
  return collected.error ? failed(collected.error) : ok(fn(collected.data));
}

/** Async variant: a listing that fans out into per-item calls (which carry their own errors). */
export async function thenCollected<T, U>(collected: Collected<T>, fn: (data: T) => Promise<U>): Promise<Collected<U>> {
  return collected.error ? failed(collected.error) : ok(await fn(collected.data));
}

