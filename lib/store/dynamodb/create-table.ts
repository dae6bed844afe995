import {
  CreateTableCommand,
  DescribeTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
} from '@aws-sdk/client-dynamodb';
import { INDEXES, TTL_ATTRIBUTE } from '../table-design.js';

function gsi(name: string): GlobalSecondaryIndex {
  return {
    IndexName: name,
    KeySchema: [
      { AttributeName: `${name}PK`, KeyType: 'HASH' },
      { AttributeName: `${name}SK`, KeyType: 'RANGE' },
    ],
    // ALL: every index query returns whole items we can validate, no follow-up GetItem per row.
    Projection: { ProjectionType: 'ALL' },
  };
}

/**
 * Creates the findings table (on-demand, PK/SK + the GSIs of INDEXES, TTL on transitions) and waits until it is ACTIVE. For tests and
 * the demo; production tables come from the CDK stack, which must use the same key names.
 * Returns false when the table already existed.
 */
export async function createTable(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return false;
  } catch (err) {
    if (!(err instanceof Error && err.name === 'ResourceNotFoundException')) throw err;
  }
  const names = Object.values(INDEXES);
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: ['PK', 'SK', ...names.flatMap((n) => [`${n}PK`, `${n}SK`])].map((AttributeName) => ({
        AttributeName,
        AttributeType: 'S',
      })),
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: names.map(gsi),
    }),
  );
  await waitUntilTableExists({ client, maxWaitTime: 120, minDelay: 1 }, { TableName: tableName });
  // Transition items expire (table-design.ts TTL_ATTRIBUTE), as on the CDK table.
  await client.send(new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { Enabled: true, AttributeName: TTL_ATTRIBUTE } }));
  return true;
}
