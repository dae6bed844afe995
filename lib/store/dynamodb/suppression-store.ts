import { randomBytes } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ENTITY, keys, suppressionItem } from '../table-design.js';
import { SuppressionSchema, type Suppression } from '../../model/suppressions.js';
import { type SuppressionStore } from '../types.js';
import { isConditionalCheckFailed, parseItem, queryAll } from './io.js';
import { ExpectedError } from '../../model/errors.js';

export class SuppressionNotFoundError extends ExpectedError {
  constructor(readonly id: string) {
    super(`No risk acceptance with id "${id}".`);
    this.name = 'SuppressionNotFoundError';
  }
}

export class SuppressionAlreadyRevokedError extends ExpectedError {
  constructor(
    readonly id: string,
    readonly revokedAt: string,
  ) {
    super(`Risk acceptance "${id}" was already revoked at ${revokedAt}.`);
    this.name = 'SuppressionAlreadyRevokedError';
  }
}

/** Sortable by creation time (like run ids) so `list` comes back oldest first without sorting. */
export function newSuppressionId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  return `acc-${stamp}-${randomBytes(4).toString('hex')}`;
}

/**
 * Risk acceptances in the findings table, one partition (there are tens, not millions). Revocation
 * keeps the item: the audit trail must show what was accepted, by whom, and when it stopped.
 */
export class DynamoSuppressionStore implements SuppressionStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(input: Omit<Suppression, 'id' | 'createdAt'>): Promise<Suppression> {
    const createdAt = this.now();
    const suppression = SuppressionSchema.parse({ ...input, id: newSuppressionId(createdAt), createdAt: createdAt.toISOString() });
    await this.doc.send(
      new PutCommand({ TableName: this.tableName, Item: suppressionItem(suppression), ConditionExpression: 'attribute_not_exists(PK)' }),
    );
    return suppression;
  }

  async list(query: { includeRevoked?: boolean } = {}): Promise<Suppression[]> {
    const items = await queryAll(this.doc, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.suppressionsPk },
    });
    const all = items.map((item) => parseItem(SuppressionSchema, item, ENTITY.suppression));
    return query.includeRevoked ? all : all.filter((s) => s.revokedAt === undefined);
  }

  async get(id: string): Promise<Suppression | undefined> {
    const { Item: item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: { PK: keys.suppressionsPk, SK: keys.suppression(id) }, ConsistentRead: true }),
    );
    return item ? parseItem(SuppressionSchema, item, ENTITY.suppression) : undefined;
  }

  /** Throws SuppressionNotFoundError / SuppressionAlreadyRevokedError; the first revocation stands. */
  async revoke(id: string, at: string): Promise<Suppression> {
    try {
      const { Attributes: item } = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { PK: keys.suppressionsPk, SK: keys.suppression(id) },
          UpdateExpression: 'SET revokedAt = :at',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(revokedAt)',
          ExpressionAttributeValues: { ':at': at },
          ReturnValues: 'ALL_NEW',
        }),
      );
      if (!item) throw new Error(`UpdateItem on ${this.tableName} returned no attributes for ${id}`);
      return parseItem(SuppressionSchema, item, ENTITY.suppression);
    } catch (err) {
      if (!isConditionalCheckFailed(err)) throw err;
      const existing = await this.get(id);
      if (!existing) throw new SuppressionNotFoundError(id);
      throw new SuppressionAlreadyRevokedError(id, existing.revokedAt ?? 'an unknown time');
    }
  }
}
