import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Command } from 'commander';
import { ensureEvidenceBucket, ensureSigningKey } from '../../evidence/setup.js';
import { resolveIdentity } from '../../scan/identity.js';
import { createTable } from '../../store/dynamodb/create-table.js';
import { addAwsOptions, clientsFromOptions, homeRegion, type AwsCliOptions } from '../aws-options.js';
import { UsageError } from '../errors.js';

interface InitCliOptions extends AwsCliOptions {
  local?: boolean;
  table: string;
  evidenceBucket: string;
  signingKeyAlias: string;
  retentionYears: string;
}

export interface LocalResources {
  region: string;
  endpointUrl: string;
  accountId: string;
  tableName: string;
  tableArn: string;
  evidenceBucket: string;
  signingKeyAlias: string;
  signingKeyArn: string;
  created: { table: boolean; bucket: boolean; key: boolean };
}

export function registerInitCommand(program: Command): void {
  const command = program
    .command('init')
    .description(
      'Create the findings table, Object Lock evidence bucket and KMS signing key on an emulator (moto, LocalStack), ' +
        'to try accept, acceptances, revoke and digest; idempotent. In AWS, the CDK stack creates them.',
    )
    .option('--local', 'required: confirms the resources go to the emulator at --endpoint-url, not to AWS')
    .option('--table <name>', 'findings table to create', 'hipaa-audit-findings')
    .option('--evidence-bucket <name>', 'evidence bucket to create (Object Lock, COMPLIANCE retention)', 'hipaa-audit-evidence')
    .option('--signing-key-alias <alias>', 'alias of the ECC_NIST_P256 signing key to create', 'alias/hipaa-audit-signing')
    .option('--retention-years <n>', 'Object Lock retention of the evidence bucket', '1');
  addAwsOptions(command).action(async (options: InitCliOptions) => {
    const resources = await runInit(options);
    process.stdout.write(describeLocalResources(resources, new Date()));
  });
}

export async function runInit(options: InitCliOptions): Promise<LocalResources> {
  if (!options.local) throw new UsageError('init only sets up an emulator: pass --local and --endpoint-url. In AWS, deploy the stack (README, "Deploy").');
  const endpointUrl = options.endpointUrl;
  if (!endpointUrl) throw new UsageError('init --local needs --endpoint-url (or HIPAA_AUDIT_ENDPOINT_URL), e.g. http://127.0.0.1:5000 for moto_server.');
  if (!options.signingKeyAlias.startsWith('alias/')) throw new UsageError(`--signing-key-alias "${options.signingKeyAlias}" must start with alias/.`);
  const retentionYears = Number(options.retentionYears);
  if (!Number.isInteger(retentionYears) || retentionYears < 1 || retentionYears > 100) {
    throw new UsageError(`--retention-years must be a whole number from 1 to 100, got "${options.retentionYears}".`);
  }
  const region = homeRegion(options);
  const clients = clientsFromOptions(options);
  try {
    const { accountId } = await resolveIdentity(clients, region);
    const dynamo = clients.get(DynamoDBClient, region);
    const tableCreated = await createTable(dynamo, options.table);
    const tableArn = (await dynamo.send(new DescribeTableCommand({ TableName: options.table }))).Table?.TableArn ?? options.table;
    const bucketCreated = await ensureEvidenceBucket(clients, region, options.evidenceBucket, retentionYears);
    const key = await ensureSigningKey(clients, region, options.signingKeyAlias);
    return {
      region, endpointUrl, accountId, tableName: options.table, tableArn, evidenceBucket: options.evidenceBucket,
      signingKeyAlias: options.signingKeyAlias, signingKeyArn: key.keyArn,
      created: { table: tableCreated, bucket: bucketCreated, key: key.created },
    };
  } finally {
    clients.destroy();
  }
}

/** What init made, the environment that points the CLI at it, and the commands to try next. */
export function describeLocalResources(r: LocalResources, now: Date): string {
  const verb = (created: boolean) => (created ? 'Created' : 'Found existing');
  const expires = new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
  return [
    `${verb(r.created.table)} findings table ${r.tableName} (${r.tableArn})`,
    `${verb(r.created.bucket)} evidence bucket ${r.evidenceBucket} (Object Lock on) arn:aws:s3:::${r.evidenceBucket}`,
    `${verb(r.created.key)} signing key ${r.signingKeyArn} (${r.signingKeyAlias}, ECC_NIST_P256 SIGN_VERIFY)`,
    '',
    'Point the CLI at them (the emulator accepts any credentials):',
    `  export HIPAA_AUDIT_ENDPOINT_URL=${r.endpointUrl} AWS_REGION=${r.region}`,
    `  export HIPAA_AUDIT_TABLE=${r.tableName} HIPAA_AUDIT_EVIDENCE_BUCKET=${r.evidenceBucket} HIPAA_AUDIT_SIGNING_KEY_ID=${r.signingKeyAlias}`,
    '  export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing',
    '',
    'Then try:',
    `  hipaa-audit accept --check iam_root_mfa_enabled --resource arn:aws:iam::${r.accountId}:root --reason "Trying the CLI" --approver "Your Name" --expires ${expires}`,
    '  hipaa-audit acceptances',
    '  hipaa-audit revoke <the acc-... id that accept printed>',
    '  hipaa-audit acceptances --include-revoked',
    '  hipaa-audit digest --preview digest.html --text digest.txt',
    '  hipaa-audit scan --checks iam_root_mfa_enabled   # scans the emulated account; acceptances apply to pipeline runs',
    'bundle and verify package runs recorded by the pipeline; `npm run demo` records some on moto (README, "Demo").',
    '',
  ].join('\n');
}
