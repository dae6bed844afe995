import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import type { S3Client } from '@aws-sdk/client-s3';
import { StateMachine } from 'aws-local-stepfunctions';
import type { Definition, State } from '../infra/definition.js';
import { distributedMapHandler, SHIM_RESOURCE, withShimmedMaps, type ChildExecution, type DistributedMapRun } from './distributed-map-shim.js';

// aws-local-stepfunctions 3 (the only published version) calls Promise.withResolvers, which Node 22 has
// and Node 20 (which this project supports) lacks; this is the standard polyfill, installed once.
const promiseWithResolvers = Promise as unknown as { withResolvers?: () => unknown };
promiseWithResolvers.withResolvers ??= function withResolvers<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

/** One event of the interpreter's execution log (the package does not export the type by name). */
export type EventLog = ReturnType<StateMachine['run']>['eventLogs'] extends AsyncGenerator<infer E> ? E : never;

export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

/** A Lambda invocation as the state machine saw it. */
export interface TaskCall {
  state: string;
  entry: string;
  input: unknown;
  ok: boolean;
  output?: unknown;
  error?: { name: string; message: string };
  ms: number;
}

export interface WorkflowRun {
  status: 'SUCCEEDED' | 'FAILED';
  output?: unknown;
  error?: { Error: string; Cause: string };
  /** The execution's own events (a Distributed Map's children have their own histories, as on AWS). */
  events: EventLog[];
  /** Events of each Distributed Map child execution. */
  childEvents: EventLog[][];
  calls: TaskCall[];
  mapRuns: DistributedMapRun[];
}

/** Largest state input or output (bytes of JSON) in a list of events. */
export function largestPayloadBytes(events: readonly EventLog[]): number {
  let max = 0;
  for (const e of events) {
    if (e.type !== 'StateEntered' && e.type !== 'StateExited') continue;
    for (const value of [e.state.input, e.state.output]) {
      if (value !== undefined) max = Math.max(max, Buffer.byteLength(JSON.stringify(value)));
    }
  }
  return max;
}

export interface RunWorkflowOptions {
  definition: Definition;
  handlerByArn: ReadonlyMap<string, string>;
  /** Handler file under functions/ -> its exported handler (imported after the environment is set). */
  handlers: Readonly<Record<string, LambdaHandler>>;
  input: unknown;
  /**
   * Called before each Lambda invocation; throwing here is the Lambda *service* failing the invoke
   * (the handler never runs), like Lambda.ServiceException or a throttle.
   */
  beforeInvoke?: (call: { state: string; entry: string; input: unknown; attempt: number }) => void | Promise<void>;
  /** Executes Retry pauses immediately; the definition's intervals are asserted on separately. */
  skipRetryWaits?: boolean;
  /** S3 of the emulator: where a Distributed Map's ItemReader reads and its ResultWriter writes. */
  s3?: S3Client;
  executionName?: string;
}

/**
 * An error as Step Functions reports a Lambda function error: the name is the handler's error type,
 * the cause Lambda's JSON error document.
 */
class LambdaFunctionError extends Error {
  constructor(name: string, message: string) {
    super(JSON.stringify({ errorType: name, errorMessage: message }));
    this.name = name;
  }
}

/** The name of every state at any depth, with its definition (Task overrides are keyed by state name). */
export function namedStates(states: Record<string, State>): [string, State][] {
  return Object.entries(states).flatMap(([name, s]) => [[name, s] as [string, State], ...(s.ItemProcessor ? namedStates(s.ItemProcessor.States) : [])]);
}

const lambdaContext = (name: string): Context => ({
  functionName: name, awsRequestId: randomUUID(), invokedFunctionArn: `arn:aws:lambda:us-east-1:111122223333:function:${name}`,
  functionVersion: '$LATEST', memoryLimitInMB: '1024', logGroupName: `/aws/lambda/${name}`, logStreamName: 's',
  callbackWaitsForEmptyEventLoop: false, getRemainingTimeInMillis: () => 900_000,
  done: () => undefined, fail: () => undefined, succeed: () => undefined,
});

/**
 * Runs a synthesized definition with aws-local-stepfunctions. Every Task whose Resource is one of the
 * stack's Lambdas is overridden with that Lambda's real handler, called in-process with a JSON copy of
 * the task input (as Lambda serializes it) and returning a JSON copy of its result.
 */
export async function runWorkflow(options: RunWorkflowOptions): Promise<WorkflowRun> {
  const calls: TaskCall[] = [];
  const attempts = new Map<string, number>();
  const taskResourceLocalHandlers: Record<string, (input: unknown) => Promise<unknown>> = {};
  const retryIntervalOverrides: Record<string, number> = {};
  for (const [name, s] of namedStates(options.definition.States)) {
    if (s.Retry && options.skipRetryWaits) retryIntervalOverrides[name] = 0;
    if (s.Type !== 'Task' || s.Resource === SHIM_RESOURCE) continue;
    const entry = options.handlerByArn.get(s.Resource ?? '');
    if (!entry) throw new Error(`Task ${name} calls ${s.Resource}, which is not one of the stack's Lambdas`);
    const handler = options.handlers[entry];
    if (!handler) throw new Error(`no handler loaded for ${entry}`);
    taskResourceLocalHandlers[name] = async (input: unknown) => {
      const payload: unknown = JSON.parse(JSON.stringify(input));
      const key = `${name}:${JSON.stringify(payload)}`;
      const attempt = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, attempt);
      const started = Date.now();
      try {
        await options.beforeInvoke?.({ state: name, entry, input: payload, attempt });
        const output: unknown = JSON.parse(JSON.stringify((await handler(payload, lambdaContext(entry))) ?? null));
        calls.push({ state: name, entry, input: payload, ok: true, output, ms: Date.now() - started });
        return output;
      } catch (err) {
        const error = err instanceof Error ? err : new Error(String(err));
        calls.push({ state: name, entry, input: payload, ok: false, error: { name: error.name, message: error.message }, ms: Date.now() - started });
        throw new LambdaFunctionError(error.name, error.message);
      }
    };
  }

  const overrides = { taskResourceLocalHandlers: taskResourceLocalHandlers as never, retryIntervalOverrides };
  const executionName = options.executionName ?? randomUUID();
  const childEvents: EventLog[][] = [];
  const mapRuns: DistributedMapRun[] = [];
  const { definition, maps } = withShimmedMaps(options.definition);
  for (const [name, map] of maps) {
    if (!options.s3) throw new Error(`${name} is a DISTRIBUTED Map: pass the emulator's S3 client`);
    taskResourceLocalHandlers[name] = distributedMapHandler(name, map, options.s3, async (processor, input, index): Promise<ChildExecution> => {
      const child = await execute(new StateMachine(processor as never, { validationOptions: { noValidate: true } }), input, `${executionName}-${name}-${index}`, overrides);
      childEvents.push(child.events);
      return { input, ok: child.ok, ...(child.ok ? { output: child.output } : {}), ...(child.error ? { error: child.error } : {}) };
    }, mapRuns);
  }
  const machine = new StateMachine(definition as never, { validationOptions: { checkArn: true, checkPaths: true } });
  const run = await execute(machine, options.input, executionName, overrides);
  return {
    status: run.ok ? 'SUCCEEDED' : 'FAILED',
    ...(run.ok ? { output: run.output } : {}),
    ...(run.error ? { error: run.error } : {}),
    events: run.events, childEvents, calls, mapRuns,
  };
}

async function execute(
  machine: StateMachine,
  input: unknown,
  executionName: string,
  overrides: object,
): Promise<{ ok: boolean; output?: unknown; error?: { Error: string; Cause: string }; events: EventLog[] }> {
  const execution = machine.run(input as never, {
    overrides: overrides as never,
    context: {
      Execution: {
        Id: `arn:aws:states:us-east-1:123456789012:execution:AuditRun:${executionName}`, Name: executionName,
        Input: input as never, StartTime: new Date().toISOString(), RoleArn: 'arn:aws:iam::123456789012:role/AuditRun',
      },
      StateMachine: { Id: 'arn:aws:states:us-east-1:123456789012:stateMachine:AuditRun', Name: 'AuditRun' },
    } as never,
  });
  const events: EventLog[] = [];
  const logging = (async () => {
    for await (const event of execution.eventLogs) events.push(event);
  })();
  try {
    const output = await execution.result;
    await logging;
    return { ok: true, output, events };
  } catch (err) {
    await logging.catch(() => undefined);
    const failed = events.find((e): e is Extract<EventLog, { type: 'ExecutionFailed' }> => e.type === 'ExecutionFailed');
    const error = failed ? { Error: failed.Error, Cause: String(failed.Cause) } : { Error: (err as Error).name, Cause: (err as Error).message };
    return { ok: false, error, events };
  }
}
