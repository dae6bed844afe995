import { z } from 'zod';
import { CollectionErrorSchema, type CollectionError } from '../model/collection-error.js';

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

/** Transforms collected data, passing an error through untouched. */
export function mapCollected<T, U>(collected: Collected<T>, fn: (data: T) => U): Collected<U> {
  return collected.error ? failed(collected.error) : ok(fn(collected.data));
}

/** Async variant: a listing that fans out into per-item calls (which carry their own errors). */
export async function thenCollected<T, U>(collected: Collected<T>, fn: (data: T) => Promise<U>): Promise<Collected<U>> {
  return collected.error ? failed(collected.error) : ok(await fn(collected.data));
}

