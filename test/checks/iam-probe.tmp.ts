import { IAMClient, CreateUserCommand, GenerateCredentialReportCommand, GetCredentialReportCommand, GetAccountAuthorizationDetailsCommand, CreateRoleCommand, ListRolesCommand, CreatePolicyCommand, UpdateAccountPasswordPolicyCommand, GetAccountPasswordPolicyCommand, GetAccountSummaryCommand, CreateVirtualMFADeviceCommand, EnableMFADeviceCommand, ListVirtualMFADevicesCommand, CreateLoginProfileCommand, CreateAccessKeyCommand, PutUserPolicyCommand, AttachRolePolicyCommand } from '@aws-sdk/client-iam';
import { AccountClient, PutAlternateContactCommand, GetAlternateContactCommand } from '@aws-sdk/client-account';
import { startMoto, TEST_CREDENTIALS } from '../support/moto.js';

const moto = await startMoto();
const cfg = { endpoint: moto.url, region: 'us-east-1', credentials: TEST_CREDENTIALS };
const iam = new IAMClient(cfg);
const acct = new AccountClient(cfg);
const show = async (name: string, p: Promise<unknown>) => { try { const r = await p; console.log(name, JSON.stringify(r, null, 0).slice(0, 3000)); } catch (e) { const er = e as Error & {Code?: string}; console.log(name, 'ERR', er.name, er.Code, er.message); } };
try {
  await show('pwpol-absent', iam.send(new GetAccountPasswordPolicyCommand({})));
  await show('altc-absent', acct.send(new GetAlternateContactCommand({ AlternateContactType: 'SECURITY' })));
  await show('credrep-before', iam.send(new GetCredentialReportCommand({})));
  await iam.send(new CreateUserCommand({ UserName: 'alice' }));
  await iam.send(new CreateLoginProfileCommand({ UserName: 'alice', Password: 'Xx1!aaaaaaaaaaaa' }));
  await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }));
  await iam.send(new PutUserPolicyCommand({ UserName: 'alice', PolicyName: 'inl', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) }));
  await iam.send(new CreateRoleCommand({ RoleName: 'r1', MaxSessionDuration: 7200, AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }] }), Tags: [{ Key: 'hipaa-audit:emergency-access', Value: 'true' }] }));
  const pol = await iam.send(new CreatePolicyCommand({ PolicyName: 'admin', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'r1', PolicyArn: pol.Policy!.Arn! }));
  await show('attach-aws-managed', iam.send(new AttachRolePolicyCommand({ RoleName: 'r1', PolicyArn: 'arn:aws:iam::aws:policy/AWSSupportAccess' })));
  await show('gen', iam.send(new GenerateCredentialReportCommand({})));
  await show('gen2', iam.send(new GenerateCredentialReportCommand({})));
  const rep = await iam.send(new GetCredentialReportCommand({}));
  console.log('report', rep.ReportFormat, rep.GeneratedTime, Buffer.from(rep.Content!).toString());
  await show('gaad', iam.send(new GetAccountAuthorizationDetailsCommand({})));
  await show('listroles', iam.send(new ListRolesCommand({})));
  await show('pwupd', iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 14, PasswordReusePrevention: 24, MaxPasswordAge: 90, RequireSymbols: true })));
  await show('pwpol', iam.send(new GetAccountPasswordPolicyCommand({})));
  await show('summary', iam.send(new GetAccountSummaryCommand({})));
  const dev = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'root-account-mfa-device' }));
  console.log('dev', dev.VirtualMFADevice?.SerialNumber);
  await show('enable-alice', iam.send(new EnableMFADeviceCommand({ UserName: 'alice', SerialNumber: dev.VirtualMFADevice!.SerialNumber!, AuthenticationCode1: '123456', AuthenticationCode2: '654321' })));
  await show('vmfa', iam.send(new ListVirtualMFADevicesCommand({})));
  await show('summary2', iam.send(new GetAccountSummaryCommand({})));
  await show('altc-put', acct.send(new PutAlternateContactCommand({ AlternateContactType: 'SECURITY', EmailAddress: 'sec@example.com', Name: 'Sec Officer', PhoneNumber: '+15555550100', Title: 'CISO' })));
  await show('altc-get', acct.send(new GetAlternateContactCommand({ AlternateContactType: 'SECURITY' })));
} finally { await moto.stop(); }
