/**
 * The HIPAA Security Rule implementation specifications this product can support with evidence.
 * Required (R) / Addressable (A) as stated in the rule's appendix to subpart C of part 164.
 */
export type Requirement = 'Required' | 'Addressable';

export interface HipaaSpecification {
  citation: string;
  title: string;
  requirement: Requirement;
  /** The standard (section group) it belongs to, used to group reports. */
  standard: string;
}

export const HIPAA_SPECIFICATIONS = [
  { citation: '164.308(a)(1)(ii)(A)', title: 'Risk analysis', requirement: 'Required', standard: '164.308(a)(1) Security management process' },
  { citation: '164.308(a)(1)(ii)(B)', title: 'Risk management', requirement: 'Required', standard: '164.308(a)(1) Security management process' },
  { citation: '164.308(a)(1)(ii)(D)', title: 'Information system activity review', requirement: 'Required', standard: '164.308(a)(1) Security management process' },
  { citation: '164.308(a)(2)', title: 'Assigned security responsibility', requirement: 'Required', standard: '164.308(a)(2) Assigned security responsibility' },
  { citation: '164.308(a)(3)(ii)(A)', title: 'Authorization and/or supervision', requirement: 'Addressable', standard: '164.308(a)(3) Workforce security' },
  { citation: '164.308(a)(3)(ii)(C)', title: 'Termination procedures', requirement: 'Addressable', standard: '164.308(a)(3) Workforce security' },
  { citation: '164.308(a)(4)(ii)(B)', title: 'Access authorization', requirement: 'Addressable', standard: '164.308(a)(4) Information access management' },
  { citation: '164.308(a)(4)(ii)(C)', title: 'Access establishment and modification', requirement: 'Addressable', standard: '164.308(a)(4) Information access management' },
  { citation: '164.308(a)(5)(ii)(B)', title: 'Protection from malicious software', requirement: 'Addressable', standard: '164.308(a)(5) Security awareness and training' },
  { citation: '164.308(a)(5)(ii)(C)', title: 'Log-in monitoring', requirement: 'Addressable', standard: '164.308(a)(5) Security awareness and training' },
  { citation: '164.308(a)(5)(ii)(D)', title: 'Password management', requirement: 'Addressable', standard: '164.308(a)(5) Security awareness and training' },
  { citation: '164.308(a)(6)(ii)', title: 'Response and reporting', requirement: 'Required', standard: '164.308(a)(6) Security incident procedures' },
  { citation: '164.308(a)(7)(ii)(A)', title: 'Data backup plan', requirement: 'Required', standard: '164.308(a)(7) Contingency plan' },
  { citation: '164.308(a)(7)(ii)(B)', title: 'Disaster recovery plan', requirement: 'Required', standard: '164.308(a)(7) Contingency plan' },
  { citation: '164.308(a)(8)', title: 'Evaluation', requirement: 'Required', standard: '164.308(a)(8) Evaluation' },
  { citation: '164.308(b)(1)', title: 'Business associate contracts and other arrangements', requirement: 'Required', standard: '164.308(b)(1) Business associate contracts and other arrangements' },
  { citation: '164.310(d)(2)(iv)', title: 'Data backup and storage', requirement: 'Addressable', standard: '164.310(d)(1) Device and media controls' },
  { citation: '164.312(a)(1)', title: 'Access control', requirement: 'Required', standard: '164.312(a) Access control' },
  { citation: '164.312(a)(2)(i)', title: 'Unique user identification', requirement: 'Required', standard: '164.312(a) Access control' },
  { citation: '164.312(a)(2)(ii)', title: 'Emergency access procedure', requirement: 'Required', standard: '164.312(a) Access control' },
  { citation: '164.312(a)(2)(iii)', title: 'Automatic logoff', requirement: 'Addressable', standard: '164.312(a) Access control' },
  { citation: '164.312(a)(2)(iv)', title: 'Encryption and decryption', requirement: 'Addressable', standard: '164.312(a) Access control' },
  { citation: '164.312(b)', title: 'Audit controls', requirement: 'Required', standard: '164.312(b) Audit controls' },
  { citation: '164.312(c)(1)', title: 'Integrity', requirement: 'Required', standard: '164.312(c) Integrity' },
  { citation: '164.312(c)(2)', title: 'Mechanism to authenticate electronic protected health information', requirement: 'Addressable', standard: '164.312(c) Integrity' },
  { citation: '164.312(d)', title: 'Person or entity authentication', requirement: 'Required', standard: '164.312(d) Person or entity authentication' },
  { citation: '164.312(e)(1)', title: 'Transmission security', requirement: 'Required', standard: '164.312(e) Transmission security' },
  { citation: '164.312(e)(2)(i)', title: 'Integrity controls', requirement: 'Addressable', standard: '164.312(e) Transmission security' },
  { citation: '164.312(e)(2)(ii)', title: 'Encryption', requirement: 'Addressable', standard: '164.312(e) Transmission security' },
  { citation: '164.314(a)(1)', title: 'Business associate contracts or other arrangements', requirement: 'Required', standard: '164.314(a) Business associate contracts or other arrangements' },
  { citation: '164.316(b)(1)', title: 'Documentation', requirement: 'Required', standard: '164.316(b) Documentation' },
  { citation: '164.316(b)(2)(i)', title: 'Time limit (retain 6 years)', requirement: 'Required', standard: '164.316(b) Documentation' },
] as const satisfies readonly HipaaSpecification[];

export type HipaaCitation = (typeof HIPAA_SPECIFICATIONS)[number]['citation'];

const byCitation = new Map<string, HipaaSpecification>(HIPAA_SPECIFICATIONS.map((s) => [s.citation, s]));

export function specification(citation: string): HipaaSpecification {
  const spec = byCitation.get(citation);
  if (!spec) throw new Error(`Unknown HIPAA citation "${citation}"; add it to lib/hipaa/specifications.ts.`);
  return spec;
}

export function isKnownCitation(citation: string): citation is HipaaCitation {
  return byCitation.has(citation);
}

/** Order of standards used to group reports: 164.312 first, then 164.308, 164.310, 164.316. */
export const STANDARD_ORDER: readonly string[] = [
  ...new Set(
    [...HIPAA_SPECIFICATIONS]
      .sort((a, b) => sectionRank(a.citation) - sectionRank(b.citation) || a.citation.localeCompare(b.citation))
      .map((s) => s.standard),
  ),
];

function sectionRank(citation: string): number {
  if (citation.startsWith('164.312')) return 0;
  if (citation.startsWith('164.308')) return 1;
  if (citation.startsWith('164.310')) return 2;
  return 3;
}
