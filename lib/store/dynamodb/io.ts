import { BatchWriteCommand, DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { z } from 'zod';
import type { Item } from '../table-design.js';
import { ExpectedError } from '../../model/errors.js';

/** Low-level helpers shared by the DynamoDB stores: pagination, batching with retry, validation. */

export function documentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  // removeUndefinedValues: optional schema fields are `undefined`, which DynamoDB cannot store.
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

/** An item read back from the table did not match its schema: corrupted or written by other code. */
export class StoreItemValidationError extends ExpectedError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreItemValidationError';
  }
}

/** Parses an item with `schema` (key attributes are stripped by zod), naming the item on failure. */
export function parseItem<S extends z.ZodType>(schema: S, item: Item, what: string): z.infer<S> {
  const parsed = schema.safeParse(item);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
  throw new StoreItemValidationError(
    `Invalid ${what} item in the findings table (PK=${String(item.PK)}, SK=${String(item.SK)}): ${issues}`,
    { cause: parsed.error },
  );
}

export interface QueryOptions {
  /** Stop once this many items are collected. */
  limit?: number;
  /** Items per request (DynamoDB's Limit); small values exercise pagination in tests. */
  pageSize?: number;
}

/**
 * Runs a Query to the end, following LastEvaluatedKey. With `limit`, stops once that many items are
 * collected (DynamoDB's own Limit counts items evaluated before filtering, so it is not enough alone).
 */
export async function queryAll(doc: DynamoDBDocumentClient, input: QueryCommandInput, options: QueryOptions = {}): Promise<Item[]> {
  const { limit, pageSize } = options;
  const items: Item[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const remaining = limit !== undefined && input.FilterExpression === undefined ? limit - items.length : undefined;
    const pageLimit = Math.min(pageSize ?? Infinity, remaining ?? Infinity);
    const page = await doc.send(
      new QueryCommand({
        ...input,
        ...(Number.isFinite(pageLimit) ? { Limit: Math.max(1, pageLimit) } : {}),
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    items.push(...((page.Items ?? []) as Item[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey && (limit === undefined || items.length < limit));
  return limit === undefined ? items : items.slice(0, limit);
}

export interface BatchOptions {
  /** Attempts for UnprocessedItems (throttling / partition limits) before giving up. */
  maxAttempts?: number;
  baseDelayMs?: number;
  /** Batches in flight at once. */
  concurrency?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Puts items with BatchWriteItem in chunks of 25, retrying UnprocessedItems with exponential backoff
 * and full jitter (the SDK retries whole failed calls, but not partially processed batches).
 */
export async function batchPut(doc: DynamoDBDocumentClient, tableName: string, items: readonly Item[], options: BatchOptions = {}): Promise<void> {
  const chunks: Item[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  const maxAttempts = options.maxAttempts ?? 8;
  const base = options.baseDelayMs ?? 50;

  const writeChunk = async (chunk: Item[]): Promise<void> => {
    let requests = chunk.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 1; requests.length > 0; attempt++) {
      if (attempt > maxAttempts) {
        throw new Error(`BatchWriteItem on ${tableName}: ${requests.length} item(s) still unprocessed after ${maxAttempts} attempts`);
      }
      if (attempt > 1) await sleep(Math.random() * base * 2 ** (attempt - 1));
      const result = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
      const unprocessed = result.UnprocessedItems?.[tableName] ?? [];
      requests = unprocessed.flatMap((r) => (r.PutRequest?.Item ? [{ PutRequest: { Item: r.PutRequest.Item } }] : []));
    }
  };

  // A small worker pool: enough parallelism for thousands of states, without a thundering herd.
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < chunks.length) {
      const chunk = chunks[next++];
      if (chunk) await writeChunk(chunk);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, chunks.length) }, worker));
}

export function isConditionalCheckFailed(err: unknown): boolean {
  return err instanceof Error && err.name === 'ConditionalCheckFailedException';
}
