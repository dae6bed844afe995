import { S3ControlClient, PutPublicAccessBlockCommand, GetPublicAccessBlockCommand } from '@aws-sdk/client-s3-control';
import { EC2Client, CreateVpcCommand, CreateSubnetCommand } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingV2Client, CreateLoadBalancerCommand, CreateListenerCommand, DescribeListenersCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { IAMClient, UploadServerCertificateCommand } from '@aws-sdk/client-iam';
import { CloudFrontClient, CreateDistributionCommand, ListDistributionsCommand } from '@aws-sdk/client-cloudfront';
import { startMoto, motoClients } from '../support/moto.js';

const moto = await startMoto();
const f = motoClients(moto);
const r = 'us-east-1';
async function t(name: string, fn: () => Promise<unknown>) {
  try { console.log(name, JSON.stringify(await fn()).slice(0, 1500)); } catch (e) { console.log(name, 'ERR', (e as Error).name, (e as Error).message); }
}
const s3c = f.get(S3ControlClient, r);
await t('s3c get none', () => s3c.send(new GetPublicAccessBlockCommand({ AccountId: '123456789012' })));
await t('s3c put', () => s3c.send(new PutPublicAccessBlockCommand({ AccountId: '123456789012', PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } })));
await t('s3c get', () => s3c.send(new GetPublicAccessBlockCommand({ AccountId: '123456789012' })));
const ec2 = f.get(EC2Client, r);
const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }));
const s1 = await ec2.send(new CreateSubnetCommand({ VpcId: vpc.Vpc!.VpcId!, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a' }));
const s2 = await ec2.send(new CreateSubnetCommand({ VpcId: vpc.Vpc!.VpcId!, CidrBlock: '10.0.2.0/24', AvailabilityZone: 'us-east-1b' }));
const elb = f.get(ElasticLoadBalancingV2Client, r);
const lb = await elb.send(new CreateLoadBalancerCommand({ Name: 'lb1', Subnets: [s1.Subnet!.SubnetId!, s2.Subnet!.SubnetId!] }));
const lbArn = lb.LoadBalancers![0]!.LoadBalancerArn!;
const iam = f.get(IAMClient, r);
let certArn = 'arn:aws:iam::123456789012:server-certificate/test';
await t('iam cert', async () => { const c = await iam.send(new UploadServerCertificateCommand({ ServerCertificateName: 'test', CertificateBody: 'body', PrivateKey: 'key' })); certArn = c.ServerCertificateMetadata!.Arn!; return c; });
await t('https listener', () => elb.send(new CreateListenerCommand({ LoadBalancerArn: lbArn, Protocol: 'HTTPS', Port: 443, SslPolicy: 'ELBSecurityPolicy-2016-08', Certificates: [{ CertificateArn: certArn }], DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '200' } }] })));
await t('http redirect', () => elb.send(new CreateListenerCommand({ LoadBalancerArn: lbArn, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }] })));
await t('describe', () => elb.send(new DescribeListenersCommand({ LoadBalancerArn: lbArn })));
const cf = f.get(CloudFrontClient, r);
await t('cf create', () => cf.send(new CreateDistributionCommand({ DistributionConfig: { CallerReference: 'x', Comment: '', Enabled: true, Origins: { Quantity: 1, Items: [{ Id: 'o1', DomainName: 'example.com', CustomOriginConfig: { HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: 'http-only' } }] }, DefaultCacheBehavior: { TargetOriginId: 'o1', ViewerProtocolPolicy: 'allow-all', ForwardedValues: { QueryString: false, Cookies: { Forward: 'none' } }, MinTTL: 0 }, ViewerCertificate: { ACMCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc', SSLSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1' } } })));
await t('cf list', () => cf.send(new ListDistributionsCommand({})));
await moto.stop();
