import type { SecurityGroupRule } from '../../../snapshot/network.js';
import type { NamedPort } from './ports.js';

/** "The internet" for these checks, as for Prowler's and AWS Config's: the two any-address ranges. */
export const ANY_ADDRESS = ['0.0.0.0/0', '::/0'] as const;

// Protocols whose rules carry a port range; security groups accept names or numbers.
const PORT_PROTOCOLS: Readonly<Record<string, string>> = { tcp: 'tcp', '6': 'tcp', udp: 'udp', '17': 'udp' };

export function publicSources(rule: SecurityGroupRule): string[] {
  return [...rule.ipv4Ranges, ...rule.ipv6Ranges].filter((cidr) => (ANY_ADDRESS as readonly string[]).includes(cidr));
}

/** The rule admits every protocol, or every port of TCP or UDP. */
export function isAllTraffic(rule: SecurityGroupRule): boolean {
  if (rule.protocol === '-1') return true;
  if (!PORT_PROTOCOLS[rule.protocol]) return false;
  return (rule.fromPort ?? 0) <= 0 && (rule.toPort ?? 65535) >= 65535;
}

/** The named ports this rule opens (all of them for an all-protocols rule). */
export function portsOpenedBy(rule: SecurityGroupRule, ports: readonly NamedPort[]): NamedPort[] {
  if (rule.protocol === '-1') return [...ports];
  if (!PORT_PROTOCOLS[rule.protocol]) return [];
  const from = rule.fromPort ?? 0;
  const to = rule.toPort ?? 65535;
  return ports.filter((p) => p.port >= from && p.port <= to);
}

/** `tcp 22`, `tcp 0-65535`, `all traffic`: how a person reads the rule in the console. */
export function describeRule(rule: SecurityGroupRule): string {
  if (rule.protocol === '-1') return 'all traffic';
  const protocol = PORT_PROTOCOLS[rule.protocol];
  // ICMP's "ports" are type and code; other protocols have none.
  if (!protocol) return `protocol ${rule.protocol}`;
  if (rule.fromPort === null || rule.toPort === null) return protocol;
  return rule.fromPort === rule.toPort ? `${protocol} ${rule.fromPort}` : `${protocol} ${rule.fromPort}-${rule.toPort}`;
}
