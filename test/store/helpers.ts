import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AwsClientFactory } from '../../lib/aws/clients.js';
import { createDynamoStores, createTable, type DynamoStores } from '../../lib/store/dynamodb/index.js';

let counter = 0;

/** A fresh table per test: isolation without resetting moto (cheaper than a reset + recreate). */
export async function freshStores(clients: AwsClientFactory, now?: () => Date, pageSize?: number): Promise<DynamoStores & { tableName: string }> {
  const tableName = `hipaa-audit-test-${process.pid}-${++counter}`;
  await createTable(clients.get(DynamoDBClient, 'us-east-1'), tableName);
  return { tableName, ...createDynamoStores({ clients, region: 'us-east-1', tableName, ...(now ? { now } : {}), ...(pageSize ? { pageSize } : {}) }) };
}
