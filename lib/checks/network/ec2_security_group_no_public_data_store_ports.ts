import { defineCheck } from '../types.js';
import { evaluateGroupExposure } from './helpers/exposure.js';
import { portsOpenedBy } from './helpers/ingress.js';
import { DATA_STORE_PORTS } from './helpers/ports.js';

export const check = defineCheck({
  id: 'ec2_security_group_no_public_data_store_ports',
  title: 'Security groups allow no database, cache or file-share ports from the internet',
  service: 'ec2',
  reads: ['network'],
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  severity: 'critical',
  rationale:
    'Databases, caches, search clusters and file shares hold ePHI; reachable from 0.0.0.0/0 or ::/0 they depend on their ' +
    'own authentication alone (Redis, Memcached and Elasticsearch often have none). One check covers SMB 445, SQL Server 1433, ' +
    'Oracle 1521, NFS 2049, MySQL 3306, PostgreSQL 5432, Redshift 5439, Redis 6379, Cassandra 9042, Kafka 9092, ' +
    'Elasticsearch/OpenSearch 9200/9300, Memcached 11211 and MongoDB 27017/27018, where Prowler has one check per port ' +
    'family: the fix (narrow the group to the application tier) is the same for all of them, and the reason lists every ' +
    'exposed port, so one finding per group is one decision for the security official. TCP, UDP and all-protocols rules count.',
  remediation:
    'aws ec2 revoke-security-group-ingress --group-id <sg-id> --ip-permissions IpProtocol=tcp,FromPort=<port>,ToPort=<port>,IpRanges=[{CidrIp=0.0.0.0/0}]; ' +
    'then allow the port only from the application tier: aws ec2 authorize-security-group-ingress --group-id <sg-id> ' +
    '--ip-permissions IpProtocol=tcp,FromPort=<port>,ToPort=<port>,UserIdGroupPairs=[{GroupId=<app-sg-id>}]',
  evaluate: (snapshot) =>
    evaluateGroupExposure(snapshot, 'data-store port', (rule) => {
      const open = portsOpenedBy(rule, DATA_STORE_PORTS);
      if (open.length === 0) return null;
      return open.length === DATA_STORE_PORTS.length ? 'every data-store port' : open.map((p) => `${p.service} ${p.port}`).join(', ');
    }),
});
