import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AwsClientFactory } from '../../aws/clients.js';
import { DynamoFindingsStore } from './findings-store.js';
import { documentClient, type BatchOptions } from './io.js';
import { DynamoRunLock } from './run-lock.js';
import { DynamoSuppressionStore } from './suppression-store.js';

export { createTable } from './create-table.js';
export { DynamoFindingsStore, type DynamoFindingsQuery } from './findings-store.js';
export { StoreItemValidationError, type BatchOptions } from './io.js';
export { DynamoRunLock, RunInProgressError, type RunLock } from './run-lock.js';
export {
  DynamoSuppressionStore,
  SuppressionAlreadyRevokedError,
  SuppressionNotFoundError,
  newSuppressionId,
} from './suppression-store.js';

export interface DynamoStoresOptions {
  clients: AwsClientFactory;
  region: string;
  tableName: string;
  /** Clock for suppression creation times (tests). */
  now?: () => Date;
  batch?: BatchOptions;
  /** Items per Query page (default: DynamoDB's 1 MB pages). */
  pageSize?: number;
  /** Days a transition stays in the table before DynamoDB TTL removes it (default 400; see table-design.ts). */
  historyRetentionDays?: number;
}

export interface DynamoStores {
  findings: DynamoFindingsStore;
  suppressions: DynamoSuppressionStore;
  runLock: DynamoRunLock;
}

/** Both stores on one table, sharing one client from the factory (so endpoint/credentials apply). */
export function createDynamoStores(options: DynamoStoresOptions): DynamoStores {
  const doc = documentClient(options.clients.get(DynamoDBClient, options.region));
  return {
    findings: new DynamoFindingsStore(doc, options.tableName, {
      ...(options.batch ? { batch: options.batch } : {}),
      ...(options.pageSize ? { pageSize: options.pageSize } : {}),
      ...(options.historyRetentionDays ? { historyRetentionDays: options.historyRetentionDays } : {}),
    }),
    suppressions: new DynamoSuppressionStore(doc, options.tableName, options.now),
    runLock: new DynamoRunLock(doc, options.tableName),
  };
}
