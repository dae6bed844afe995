import { ConditionalCheckFailedException, GetItemCommand, PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ExpectedError } from '../model/errors.js';

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
  tableName: string;
  /** Key attribute names of the shared single table. */
  partitionKey?: string;
  sortKey?: string;
  now?: () => Date;
}

/** Items `PK = DIGEST#<key>`, `SK = SENT` in the pipeline's table; written once, never updated. */
export class DynamoDbDigestLedger implements DigestLedger {
  private readonly pk: string;
  private readonly sk: string;

  constructor(private readonly options: DynamoDbDigestLedgerOptions) {
    this.pk = options.partitionKey ?? 'PK';
    this.sk = options.sortKey ?? 'SK';
  }

  private key(key: string) {
    return { [this.pk]: { S: `DIGEST#${key}` }, [this.sk]: { S: 'SENT' } };
  }

  async hasSent(key: string): Promise<boolean> {
    // Consistent read: a digest recorded a moment ago by another invocation must be seen.
    const out = await this.options.client.send(
      new GetItemCommand({ TableName: this.options.tableName, Key: this.key(key), ConsistentRead: true, ProjectionExpression: '#pk', ExpressionAttributeNames: { '#pk': this.pk } }),
    );
    return out.Item !== undefined;
  }

  async markSent(key: string, messageId: string): Promise<void> {
    try {
      await this.options.client.send(
        new PutItemCommand({
          TableName: this.options.tableName,
          Item: {
            ...this.key(key),
            entity: { S: 'DIGEST_SENT' },
            idempotencyKey: { S: key },
            messageId: { S: messageId },
            sentAt: { S: (this.options.now?.() ?? new Date()).toISOString() },
          },
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': this.pk },
        }),
      );
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) throw new DigestAlreadySentError(key);
      throw err;
    }
  }
}
