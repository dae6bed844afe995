import { AWSOrganizationsNotInUseException, DescribeOrganizationCommand, OrganizationsClient, OrganizationsServiceException } from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { AwsClientFactory } from '../../lib/aws/clients.js';
import { createCollectContext } from '../../lib/collect/context.js';
import { collectOrganization } from '../../lib/collectors/iam/organization.js';
import { MOTO_ACCOUNT_ID, TEST_CREDENTIALS } from '../support/moto.js';

// moto answers DescribeOrganization for any caller, so AccessDenied is produced with aws-sdk-client-mock.
describe('collectOrganization (aws-sdk-client-mock)', () => {
  const orgs = mockClient(OrganizationsClient);
  const clients = new AwsClientFactory({ credentials: TEST_CREDENTIALS, maxAttempts: 1 });
  const ctx = createCollectContext({ clients, accountId: MOTO_ACCOUNT_ID, regions: ['us-east-1'] });
  beforeEach(() => orgs.reset());
  afterAll(() => {
    clients.destroy();
    orgs.restore();
  });

  it('turns AccessDenied into a collection error naming the call', async () => {
    orgs.on(DescribeOrganizationCommand).rejects(
      new OrganizationsServiceException({ name: 'AccessDeniedException', $fault: 'client', $metadata: { httpStatusCode: 403 }, message: 'not authorized' }),
    );
    const collected = await collectOrganization(ctx);
    expect(collected.error).toMatchObject({ code: 'AccessDeniedException', operation: 'organizations:DescribeOrganization' });
  });

  it('reads a standalone account as "no organization", not as an error', async () => {
    orgs.on(DescribeOrganizationCommand).rejects(new AWSOrganizationsNotInUseException({ $metadata: {}, message: 'not in use' }));
    expect(await collectOrganization(ctx)).toEqual({ data: null });
  });

  it('keeps the organization id and management account', async () => {
    orgs.on(DescribeOrganizationCommand).resolves({ Organization: { Id: 'o-abc123', MasterAccountId: '210987654321' } });
    expect(await collectOrganization(ctx)).toEqual({ data: { id: 'o-abc123', managementAccountId: '210987654321' } });
  });
});
