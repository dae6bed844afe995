import type { AnyAwsClient } from '../lib/aws/clients.js';

/** Calls and HTTP attempts per `service:operation`; attempts > calls means the SDK retried. */
export interface CallCounts {
  total: number;
  attempts: number;
  byService: Record<string, number>;
  byOperation: Record<string, number>;
  /** Failed calls by `service:operation:ErrorName` (moto gaps show up here). */
  errors: Record<string, number>;
}

interface MiddlewareContext {
  clientName?: string;
  commandName?: string;
}
type Handler = (args: unknown) => Promise<unknown>;
type Middleware = (next: Handler, context: MiddlewareContext) => Handler;
interface StackLike {
  add(middleware: Middleware, options: { step: string; name: string }): void;
}

/**
 * Counts SDK calls through the AwsClientFactory `onClientCreated` hook. The `initialize` step runs
 * once per `send()` (a logical API call, what AWS bills and throttles per page), while `deserialize`
 * runs inside the retry loop, once per HTTP attempt.
 */
export class CallCounter {
  private readonly calls = new Map<string, number>();
  private readonly attempts = new Map<string, number>();
  private readonly errors = new Map<string, number>();

  attach = (client: AnyAwsClient, serviceName: string): void => {
    // The factory types the stack loosely (`never[]` args) so any SDK client fits; narrow it here.
    const stack = client.middlewareStack as unknown as StackLike;
    stack.add(
      (next, context) => async (args) => {
        const key = this.key(serviceName, context);
        bump(this.calls, key);
        try {
          return await next(args);
        } catch (err) {
          bump(this.errors, `${key}:${err instanceof Error ? err.name : 'Error'}`);
          throw err;
        }
      },
      { step: 'initialize', name: 'benchCallCounter' },
    );
    stack.add(
      (next, context) => async (args) => {
        bump(this.attempts, this.key(serviceName, context));
        return next(args);
      },
      { step: 'deserialize', name: 'benchAttemptCounter' },
    );
  };

  snapshot(): CallCounts {
    const byService: Record<string, number> = {};
    for (const [key, n] of this.calls) {
      const service = key.slice(0, key.indexOf(':'));
      byService[service] = (byService[service] ?? 0) + n;
    }
    return {
      total: sum(this.calls),
      attempts: sum(this.attempts),
      byService: sortedRecord(byService),
      byOperation: sortedRecord(Object.fromEntries(this.calls)),
      errors: sortedRecord(Object.fromEntries(this.errors)),
    };
  }

  private key(serviceName: string, context: MiddlewareContext): string {
    const service = (context.clientName ?? serviceName).replace(/Client$/, '').toLowerCase();
    const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '');
    return `${service}:${operation}`;
  }
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function sum(map: Map<string, number>): number {
  let total = 0;
  for (const n of map.values()) total += n;
  return total;
}

/** Largest first, so the table and JSON lead with what dominates. */
function sortedRecord(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([ka, a], [kb, b]) => b - a || (ka < kb ? -1 : 1)));
}
