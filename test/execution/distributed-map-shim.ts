import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Definition, State } from '../infra/definition.js';

/**
 * aws-local-stepfunctions (3.0.0) runs Map states INLINE only: it has no ItemReader, ResultWriter or
 * child executions. This shim stands in for exactly those parts of a DISTRIBUTED Map, as the Step
 * Functions documentation describes them, and nothing else:
 *
 * - ItemReader (s3:getObject, JSON): reads the array from S3 (moto) with the Bucket/Key the definition
 *   names, evaluated against the state input;
 * - ItemSelector: `*.$` values that are `$$.Map.Item.Value`, `$$.Map.Item.Index` or a `$.a.b` path of the
 *   state input (the forms the synthesized definition uses; any other form fails loudly);
 * - each item is a child execution of the **synthesized ItemProcessor**, run by the same interpreter with
 *   the same Task overrides; at most MaxConcurrency at once;
 * - ToleratedFailurePercentage: above it the state fails with States.ExceedToleratedFailureThreshold;
 * - ResultWriter (s3:putObject): writes `<Prefix><run id>/SUCCEEDED_0.json`, `FAILED_0.json` and a
 *   `manifest.json`, and returns `{ MapRunArn, ResultWriterDetails: { Bucket, Key } }`.
 *
 * The Map state is replaced by a Task state of the same name, Next/End, ResultPath, Retry and Catch,
 * whose local handler does the above; everything else in the definition is executed as synthesized.
 */
export interface DistributedMapRun {
  state: string;
  items: number;
  succeeded: number;
  failed: number;
  resultKey: string;
}

export interface ChildExecution {
  input: unknown;
  ok: boolean;
  output?: unknown;
  error?: { Error: string; Cause: string };
}

export type RunChild = (processor: Pick<Definition, 'StartAt' | 'States'>, input: unknown, index: number) => Promise<ChildExecution>;

export const SHIM_RESOURCE = 'arn:aws:lambda:us-east-1:123456789012:function:HarnessDistributedMap';

export function isDistributedMap(s: State): boolean {
  return s.Type === 'Map' && (s.ItemProcessor as { ProcessorConfig?: { Mode?: string } } | undefined)?.ProcessorConfig?.Mode === 'DISTRIBUTED';
}

/** The definition with every DISTRIBUTED Map replaced by the shim's Task state. */
export function withShimmedMaps(definition: Definition): { definition: Definition; maps: Map<string, State> } {
  const maps = new Map<string, State>();
  const States: Record<string, State> = {};
  for (const [name, s] of Object.entries(definition.States)) {
    if (!isDistributedMap(s)) {
      States[name] = s;
      continue;
    }
    maps.set(name, s);
    States[name] = {
      Type: 'Task',
      Resource: SHIM_RESOURCE,
      // A Map run lasts as long as its children; the execution's own timeout bounds it.
      TimeoutSeconds: definition.TimeoutSeconds ?? 86_400,
      ...(s.ResultPath !== undefined ? { ResultPath: s.ResultPath } : {}),
      ...(s.Next ? { Next: s.Next } : { End: true }),
      ...(s.Retry ? { Retry: s.Retry } : {}),
      ...(s.Catch ? { Catch: s.Catch } : {}),
    };
  }
  return { definition: { ...definition, States }, maps };
}

class StatesError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

function readPath(path: string, input: unknown, item: unknown, index: number): unknown {
  if (path === '$$.Map.Item.Value') return item;
  if (path === '$$.Map.Item.Index') return index;
  if (path === '$') return input;
  const m = /^\$((?:\.[A-Za-z0-9_]+)+)$/.exec(path);
  if (!m?.[1]) throw new StatesError('States.Runtime', `distributed-map shim: unsupported path "${path}"`);
  let value: unknown = input;
  for (const key of m[1].slice(1).split('.')) {
    if (!value || typeof value !== 'object' || !(key in value)) throw new StatesError('States.Runtime', `The JSONPath '${path}' could not be found in the input`);
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function applyTemplate(template: Record<string, unknown>, input: unknown, item: unknown, index: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(template)) {
    if (k.endsWith('.$')) out[k.slice(0, -2)] = readPath(String(v), input, item, index);
    else out[k] = v && typeof v === 'object' && !Array.isArray(v) ? applyTemplate(v as Record<string, unknown>, input, item, index) : v;
  }
  return out;
}

async function getJson(s3: S3Client, bucket: string, key: string): Promise<unknown> {
  const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return JSON.parse((await out.Body?.transformToString()) ?? 'null');
}

/** The local handler that runs one DISTRIBUTED Map state. */
export function distributedMapHandler(name: string, map: State, s3: S3Client, runChild: RunChild, runs: DistributedMapRun[]) {
  const raw = map as State & {
    ItemReader?: { Resource: string; ReaderConfig?: { InputType?: string }; Parameters: Record<string, unknown> };
    ResultWriter?: { Resource: string; Parameters: Record<string, unknown> };
    ToleratedFailurePercentage?: number;
  };
  const reader = raw.ItemReader;
  const writer = raw.ResultWriter;
  const processor = raw.ItemProcessor;
  if (!reader || !/:states:::s3:getObject$/.test(reader.Resource) || reader.ReaderConfig?.InputType !== 'JSON') {
    throw new Error(`${name}: the shim supports an s3:getObject JSON ItemReader only`);
  }
  if (!processor) throw new Error(`${name}: no ItemProcessor`);
  const { ProcessorConfig: _config, ...childDefinition } = processor as typeof processor & { ProcessorConfig?: unknown };

  return async (input: unknown): Promise<unknown> => {
    const location = applyTemplate(reader.Parameters, input, undefined, 0) as { Bucket: string; Key: string };
    const items = await getJson(s3, location.Bucket, location.Key);
    if (!Array.isArray(items)) throw new StatesError('States.ItemReaderFailed', `s3://${location.Bucket}/${location.Key} is not a JSON array`);
    const results: ChildExecution[] = new Array<ChildExecution>(items.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < items.length) {
        const index = next++;
        const childInput = map.ItemSelector ? applyTemplate(map.ItemSelector, input, items[index], index) : items[index];
        results[index] = await runChild(childDefinition, childInput, index);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(map.MaxConcurrency || items.length, items.length)) }, worker));

    const failed = results.filter((r) => !r.ok);
    const mapRunId = `${name}-${Date.now()}`;
    const run: DistributedMapRun = { state: name, items: items.length, succeeded: results.length - failed.length, failed: failed.length, resultKey: '' };
    runs.push(run);
    let output: unknown = results.map((r) => r.output);
    if (writer) {
      if (!/:states:::s3:putObject$/.test(writer.Resource)) throw new Error(`${name}: the shim supports an s3:putObject ResultWriter only`);
      const target = applyTemplate(writer.Parameters, input, undefined, 0) as { Bucket: string; Prefix?: string };
      const prefix = `${target.Prefix ?? ''}${mapRunId}/`;
      const put = (key: string, body: unknown) =>
        s3.send(new PutObjectCommand({ Bucket: target.Bucket, Key: prefix + key, Body: JSON.stringify(body), ContentType: 'application/json', ChecksumAlgorithm: 'SHA256' }));
      const files = { SUCCEEDED: [] as { Key: string; Size: number }[], FAILED: [] as { Key: string; Size: number }[], PENDING: [] };
      for (const [status, list] of [['SUCCEEDED', results.filter((r) => r.ok)], ['FAILED', failed]] as const) {
        if (list.length === 0) continue;
        const body = list.map((r) => ({ Input: JSON.stringify(r.input), ...(r.ok ? { Output: JSON.stringify(r.output) } : { Error: r.error?.Error, Cause: r.error?.Cause }), Status: status }));
        await put(`${status}_0.json`, body);
        files[status].push({ Key: `${prefix}${status}_0.json`, Size: JSON.stringify(body).length });
      }
      await put('manifest.json', { DestinationBucket: target.Bucket, MapRunArn: `arn:aws:states:us-east-1:123456789012:mapRun:${mapRunId}`, ResultFiles: files });
      run.resultKey = `${prefix}manifest.json`;
      output = { MapRunArn: `arn:aws:states:us-east-1:123456789012:mapRun:${mapRunId}`, ResultWriterDetails: { Bucket: target.Bucket, Key: run.resultKey } };
    }
    const tolerated = raw.ToleratedFailurePercentage ?? 0;
    if (items.length > 0 && (failed.length / items.length) * 100 > tolerated) {
      throw new StatesError('States.ExceedToleratedFailureThreshold', `${failed.length} of ${items.length} child executions failed`);
    }
    return output;
  };
}
