// Runs one Lambda handler in its own process (`node --import tsx invoke-handler.ts <entry> <event-json>`),
// so a test can kill it mid-invocation like Lambda kills a timed-out or crashed function.
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

const [entry, event] = process.argv.slice(2);
if (!entry || !event) throw new Error('usage: invoke-handler.ts <functions/ entry> <event JSON>');
const module = (await import(new URL(`../../functions/${entry}`, import.meta.url).href)) as { handler: (e: unknown, c: Context) => Promise<unknown> };
const context = { functionName: entry, awsRequestId: randomUUID(), getRemainingTimeInMillis: () => 900_000 } as unknown as Context;
process.stdout.write(`${JSON.stringify(await module.handler(JSON.parse(event), context))}\n`);
// Peak resident memory of this invocation's process (kB), for the benchmark.
process.stderr.write(`${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
