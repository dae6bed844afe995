import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import type { z } from 'zod';
import { ExpectedError, loadPipelineEnv, type PipelineEnv } from '../lib/pipeline/index.js';

/** One logger per function instance; Powertools adds the request id and cold-start flag per call. */
export const logger = new Logger({ serviceName: 'hipaa-audit' });

/** The event did not match the handler's contract (a state machine or schedule input bug). */
export class InvalidEventError extends ExpectedError {
  constructor(handler: string, issues: readonly z.core.$ZodIssue[]) {
    super(`${handler}: invalid event: ${issues.map((i) => `${i.path.join('.') || '(event)'}: ${i.message}`).join('; ')}`);
    this.name = 'InvalidEventError';
  }
}

let cachedEnv: PipelineEnv | undefined;
/** Parsed once per container, lazily, so a configuration error is logged with the request context. */
function pipelineEnv(): PipelineEnv {
  cachedEnv ??= loadPipelineEnv(process.env);
  return cachedEnv;
}

/**
 * The whole handler shape: validate the event, call the pipeline, log a summary, return the result.
 * Errors are logged and rethrown, never returned: Step Functions retries and catches on a thrown error,
 * and the schedule's retries and DLQ only see failures that were thrown.
 */
export function defineHandler<S extends z.ZodType, R>(
  name: string,
  schema: S,
  run: (env: PipelineEnv, input: z.output<S>) => Promise<R>,
  summarize: (result: R) => Record<string, unknown>,
): (event: unknown, context: Context) => Promise<R> {
  return async (event, context) => {
    logger.addContext(context);
    try {
      const parsed = schema.safeParse(event);
      if (!parsed.success) throw new InvalidEventError(name, parsed.error.issues);
      const result = await run(pipelineEnv(), parsed.data);
      logger.info(`${name} done`, summarize(result));
      return result;
    } catch (err) {
      logger.error(`${name} failed`, err as Error);
      throw err;
    }
  };
}
