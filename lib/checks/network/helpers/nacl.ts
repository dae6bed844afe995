import type { NetworkAcl, NetworkAclEntry } from '../../../snapshot/network.js';
import type { NamedPort } from './ports.js';

const PROTOCOL_NAMES: Readonly<Record<string, string>> = { '-1': 'all traffic', '6': 'tcp', '17': 'udp' };

function covers(entry: NetworkAclEntry, protocol: '6' | '17', port: number): boolean {
  if (entry.protocol === '-1') return true;
  if (entry.protocol !== protocol) return false;
  return (entry.fromPort ?? 0) <= port && port <= (entry.toPort ?? 65535);
}

function describeEntry(entry: NetworkAclEntry, cidr: string): string {
  const protocol = PROTOCOL_NAMES[entry.protocol] ?? `protocol ${entry.protocol}`;
  const ports =
    entry.protocol === '-1' || entry.fromPort === null
      ? ''
      : entry.fromPort === entry.toPort
        ? ` ${entry.fromPort}`
        : ` ${entry.fromPort}-${entry.toPort}`;
  return `rule ${entry.ruleNumber} allows ${protocol}${ports} from ${cidr}`;
}

/**
 * The inbound rules that let the internet reach `ports`, with NACL semantics: per address family, the
 * lowest-numbered rule from 0.0.0.0/0 (or ::/0) covering the port decides, so a lower-numbered deny ahead of
 * an allow closes the port. This is Prowler's check_network_acl, for TCP and UDP (AWS Config's
 * nacl-no-unrestricted-ssh-rdp also counts UDP). Returns `rule text -> services it exposes`.
 */
export function publicInboundTo(acl: NetworkAcl, ports: readonly NamedPort[]): Map<string, string[]> {
  const exposed = new Map<string, string[]>();
  const families = [
    { cidr: '0.0.0.0/0', pick: (e: NetworkAclEntry) => e.ipv4Cidr },
    { cidr: '::/0', pick: (e: NetworkAclEntry) => e.ipv6Cidr },
  ];
  for (const { cidr, pick } of families) {
    const inbound = acl.entries.filter((e) => !e.egress && pick(e) === cidr).sort((a, b) => a.ruleNumber - b.ruleNumber);
    for (const { port, service } of ports) {
      for (const protocol of ['6', '17'] as const) {
        const decisive = inbound.find((e) => covers(e, protocol, port));
        if (decisive?.action !== 'allow') continue;
        const text = describeEntry(decisive, cidr);
        const label = `${service} ${port}`;
        const services = exposed.get(text);
        if (!services) exposed.set(text, [label]);
        else if (!services.includes(label)) services.push(label);
      }
    }
  }
  return exposed;
}
