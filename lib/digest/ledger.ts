import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ExpectedError } from '../model/errors.js';
import { digestSentItem, digestSentKey } from '../store/table-design.js';

/**
 * Records which digests were sent, so a re-run of the weekly job (retry, manual re-trigger) cannot
 * mail the officer and leadership the same digest twice.
 */
export interface DigestLedger {
  hasSent(key: string): Promise<boolean>;
  /** Throws `DigestAlreadySentError` when the key was recorded by someone else in the meantime. */
  markSent(key: string, messageId: string): Promise<void>;
}

export class DigestAlreadySentError extends ExpectedError {
  constructor(readonly key: string) {
    super(`Digest "${key}" is already recorded as sent.`);
    this.name = 'DigestAlreadySentError';
  }
}

/** `<org>#<from>#<to>`: one digest per organization and period. */
export function digestIdempotencyKey(organizationName: string, period: { from: string; to: string }): string {
  return `${organizationName}#${period.from.slice(0, 10)}#${period.to.slice(0, 10)}`;
}

export class InMemoryDigestLedger implements DigestLedger {
  readonly sent = new Map<string, { messageId: string; sentAt: string }>();

  async hasSent(key: string): Promise<boolean> {
    return this.sent.has(key);
  }

  async markSent(key: string, messageId: string): Promise<void> {
    if (this.sent.has(key)) throw new DigestAlreadySentError(key);
    this.sent.set(key, { messageId, sentAt: new Date().toISOString() });
  }
}

export interface DynamoDbDigestLedgerOptions {
  client: DynamoDBClient;
  /** The pipeline's findings table; the item's keys come from lib/store/table-design.ts. */
  tableName: string;
  now?: () => Date;
}

/** Ledger items in the pipeline's table (`digestSentItem`); written once, never updated. */
export class DynamoDbDigestLedger implements DigestLedger {
  private readonly doc: DynamoDBDocumentClient;

  constructor(private readonly options: DynamoDbDigestLedgerOptions) {
    this.doc = DynamoDBDocumentClient.from(options.client);
  }

  async hasSent(key: string): Promise<boolean> {
    // Consistent read: a digest recorded a moment ago by another invocation must be seen.
    const out = await this.doc.send(
      new GetCommand({
        TableName: this.options.tableName,
        Key: digestSentKey(key),
        ConsistentRead: true,
        ProjectionExpression: 'PK',
      }),
    );
    return out.Item !== undefined;
  }

  async markSent(key: string, messageId: string): Promise<void> {
    const sentAt = (this.options.now?.() ?? new Date()).toISOString();
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.options.tableName,
          Item: digestSentItem(key, messageId, sentAt),
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) throw new DigestAlreadySentError(key);
      throw err;
    }
  }
}
