import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { ExpectedError } from '../../model/errors.js';
import { ENTITY, keys } from '../table-design.js';
import { isConditionalCheckFailed, parseItem } from './io.js';

const RunLockSchema = z.object({
  executionId: z.string(),
  runId: z.string(),
  startedAt: z.string(),
  /** After this instant the holder is presumed dead (its execution timed out) and the lock can be taken. */
  leaseUntil: z.string(),
});
export type RunLock = z.infer<typeof RunLockSchema>;

/** Another audit run holds the lock: starting a second one would interleave two writers of each account's chain. */
export class RunInProgressError extends ExpectedError {
  constructor(holder: RunLock) {
    super(
      `Audit run ${holder.runId} (execution ${holder.executionId}) is still in progress until at most ${holder.leaseUntil}; ` +
        'a second run at the same time would interleave two writers of each account\'s evidence chain. ' +
        'Wait for it to finish (or stop that execution and let its lease expire), then start again.',
    );
  }
}

/**
 * One conditional item makes overlapping executions harmless: the first takes the lock, a second is
 * refused with RunInProgressError before it writes anything, a retry of the holder gets its own lock
 * (and run id) back, and the lease frees the lock if the holder's execution died without releasing it.
 */
export class DynamoRunLock {
  constructor(private readonly doc: DynamoDBDocumentClient, private readonly tableName: string) {}

  async acquire(wanted: RunLock, now: Date): Promise<RunLock> {
    const Key = { PK: keys.runLockPk, SK: keys.runLockSk };
    const { Item: item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key, ConsistentRead: true }));
    const held = item ? parseItem(RunLockSchema, item, ENTITY.runLock) : undefined;
    if (held?.executionId === wanted.executionId) return held;
    try {
      await this.doc.send(new PutCommand({
        TableName: this.tableName,
        Item: { ...Key, entity: ENTITY.runLock, ...wanted },
        ConditionExpression: 'attribute_not_exists(PK) OR leaseUntil < :now',
        ExpressionAttributeValues: { ':now': now.toISOString() },
      }));
      return wanted;
    } catch (err) {
      if (!isConditionalCheckFailed(err)) throw err;
      const { Item: holder } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key, ConsistentRead: true }));
      if (!holder) throw err;
      const lock = parseItem(RunLockSchema, holder, ENTITY.runLock);
      if (lock.executionId === wanted.executionId) return lock;
      throw new RunInProgressError(lock);
    }
  }

  /** Releases the lock if `executionId` still holds it (a released or taken-over lock is left alone). */
  async release(executionId: string): Promise<void> {
    try {
      await this.doc.send(new DeleteCommand({
        TableName: this.tableName,
        Key: { PK: keys.runLockPk, SK: keys.runLockSk },
        ConditionExpression: 'executionId = :me',
        ExpressionAttributeValues: { ':me': executionId },
      }));
    } catch (err) {
      if (!isConditionalCheckFailed(err)) throw err;
    }
  }
}
