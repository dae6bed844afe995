import type { AnyAwsClient } from '../lib/aws/clients.js';
import { INDEXES } from '../lib/store/table-design.js';

/**
 * Meters what AWS bills per request, from the real calls a store makes against moto (moto's own
 * ConsumedCapacity is a constant, not a measurement). Attached through the AwsClientFactory
 * `onClientCreated` hook at the `initialize` step, where a DynamoDB document-client command still holds
 * plain JavaScript items (before marshalling) and its output has been unmarshalled again.
 *
 * DynamoDB units follow the published rules: a write costs ceil(item size / 1 KB) per item, again for each
 * GSI the item is written to (the indexes project ALL), and 1 more per index it leaves (the meter keeps the
 * index membership of every item it saw written, so it knows when an overwrite removes one); a read costs
 * ceil(bytes returned per request / 4 KB), half of that when eventually consistent (every GSI read is).
 * Item size: attribute name bytes + value bytes (strings UTF-8, numbers about 1 byte per 2 digits + 1,
 * booleans and null 1, lists and maps 3 + 1 per element + their contents).
 */
export interface DynamoUsage {
  calls: Record<string, number>;
  itemsWritten: number;
  wru: number;
  rru: number;
  itemsRead: number;
}

export interface S3Usage {
  puts: number;
  gets: number;
  /** Size of every object PUT, in order. */
  objectBytes: number[];
}

export interface MeteredUsage {
  dynamo: DynamoUsage;
  s3: S3Usage;
  /** KMS requests by operation (Sign, GetPublicKey, ...). */
  kms: Record<string, number>;
}

interface MiddlewareContext {
  clientName?: string;
  commandName?: string;
}
type Handler = (args: { input: Record<string, unknown> }) => Promise<{ output: Record<string, unknown> }>;
type Middleware = (next: Handler, context: MiddlewareContext) => Handler;
interface StackLike {
  add(middleware: Middleware, options: { step: string; name: string; priority?: string }): void;
}

type Item = Record<string, unknown>;
/** An item is copied into every index whose partition-key attribute it carries (the table's indexes, nothing else). */
const INDEX_KEYS: readonly string[] = Object.values(INDEXES).map((name) => `${name}PK`);

export class RequestMeter {
  private dynamo: DynamoUsage = emptyDynamo();
  private s3: S3Usage = { puts: 0, gets: 0, objectBytes: [] };
  private kms: Record<string, number> = {};
  /** Index membership and size of the last version written of each item, by PK|SK. */
  private readonly indexed = new Map<string, { indexes: string[]; size: number }>();

  attach = (client: AnyAwsClient, serviceName: string): void => {
    const stack = client.middlewareStack as unknown as StackLike;
    stack.add(
      (next, context) => async (args) => {
        const service = (context.clientName ?? serviceName).replace(/Client$/, '').toLowerCase();
        // Document-client commands run as their base command (BatchWriteItemCommand, ...): one name for both.
        const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '').replace(/^(BatchWrite|Put|Get)Item$/, '$1');
        const result = await next(args);
        if (service === 'dynamodb') this.meterDynamo(operation, args.input, result.output);
        else if (service === 's3') this.meterS3(operation, args.input);
        else if (service === 'kms') this.kms[operation] = (this.kms[operation] ?? 0) + 1;
        return result;
      },
      { step: 'initialize', name: 'benchRequestMeter', priority: 'low' },
    );
  };

  /** What was used since the last reset, and start counting afresh. */
  take(): MeteredUsage {
    const usage: MeteredUsage = { dynamo: this.dynamo, s3: this.s3, kms: this.kms };
    this.dynamo = emptyDynamo();
    this.s3 = { puts: 0, gets: 0, objectBytes: [] };
    this.kms = {};
    return usage;
  }

  private meterDynamo(operation: string, input: Record<string, unknown>, output: Record<string, unknown>): void {
    const d = this.dynamo;
    d.calls[operation] = (d.calls[operation] ?? 0) + 1;
    if (operation === 'BatchWrite') {
      for (const requests of Object.values((input.RequestItems ?? {}) as Record<string, { PutRequest?: { Item: Item } }[]>)) {
        for (const r of requests) if (r.PutRequest) this.written(r.PutRequest.Item);
      }
      // UnprocessedItems are re-sent by the caller and metered then; subtract them here.
      for (const requests of Object.values((output.UnprocessedItems ?? {}) as Record<string, { PutRequest?: { Item: Item } }[]>)) {
        for (const r of requests) if (r.PutRequest) this.unwritten(r.PutRequest.Item);
      }
    } else if (operation === 'Put') {
      this.written(input.Item as Item);
    } else if (operation === 'Query' || operation === 'Scan') {
      const items = (output.Items ?? []) as Item[];
      const bytes = items.reduce((sum, item) => sum + itemSize(item), 0);
      const consistent = input.ConsistentRead === true && input.IndexName === undefined;
      d.rru += Math.max(1, Math.ceil(bytes / 4096)) * (consistent ? 1 : 0.5);
      d.itemsRead += items.length;
    } else if (operation === 'Get') {
      const item = output.Item as Item | undefined;
      d.rru += Math.max(1, Math.ceil((item ? itemSize(item) : 0) / 4096)) * (input.ConsistentRead === true ? 1 : 0.5);
      d.itemsRead += item ? 1 : 0;
    }
  }

  private written(item: Item): void {
    const size = itemSize(item);
    const units = Math.max(1, Math.ceil(size / 1024));
    const indexes = INDEX_KEYS.filter((k) => item[k] !== undefined);
    const key = `${String(item.PK)}|${String(item.SK)}`;
    const before = this.indexed.get(key);
    const left = (before?.indexes ?? []).filter((i) => !indexes.includes(i)).length;
    this.dynamo.itemsWritten += 1;
    this.dynamo.wru += units * (1 + indexes.length) + left * Math.max(1, Math.ceil((before?.size ?? 0) / 1024));
    this.indexed.set(key, { indexes, size });
  }

  private unwritten(item: Item): void {
    const units = Math.max(1, Math.ceil(itemSize(item) / 1024));
    const indexes = INDEX_KEYS.filter((k) => item[k] !== undefined);
    this.dynamo.itemsWritten -= 1;
    this.dynamo.wru -= units * (1 + indexes.length);
  }

  private meterS3(operation: string, input: Record<string, unknown>): void {
    if (operation === 'PutObject') {
      this.s3.puts += 1;
      const body = input.Body;
      this.s3.objectBytes.push(typeof body === 'string' ? Buffer.byteLength(body) : body instanceof Uint8Array ? body.length : 0);
    } else if (operation === 'GetObject' || operation === 'HeadObject' || operation.startsWith('List')) {
      // GET, HEAD and LIST requests: GET and HEAD are billed as GET-class, LIST as PUT-class.
      if (operation.startsWith('List')) this.s3.puts += 1;
      else this.s3.gets += 1;
    }
  }
}

function emptyDynamo(): DynamoUsage {
  return { calls: {}, itemsWritten: 0, wru: 0, rru: 0, itemsRead: 0 };
}

/** DynamoDB's item size of a plain (unmarshalled) item. */
/** How many index copies of `item` DynamoDB keeps (and bills a write and storage for). */
export function indexCopies(item: Item): number {
  return INDEX_KEYS.filter((k) => item[k] !== undefined).length;
}

export function itemSize(item: Item): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) {
    if (value === undefined) continue;
    size += Buffer.byteLength(name) + valueSize(value);
  }
  return size;
}

function valueSize(value: unknown): number {
  if (value === null || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number') return Math.ceil(String(Math.abs(value)).replace(/[.-]/g, '').replace(/^0+/, '').length / 2) + 1;
  if (value instanceof Uint8Array) return value.length;
  if (Array.isArray(value)) return 3 + value.reduce<number>((s, v) => s + 1 + valueSize(v), 0);
  if (value instanceof Set) return [...(value as Set<unknown>)].reduce<number>((s, v) => s + valueSize(v), 0);
  if (typeof value === 'object') {
    return 3 + Object.entries(value as Item).reduce((s, [k, v]) => (v === undefined ? s : s + 1 + Buffer.byteLength(k) + valueSize(v)), 0);
  }
  return 0;
}
