/**
 * Whether instance metadata settings refuse IMDSv1: session tokens required, or the endpoint off.
 * `null` settings were not given (a template or launch configuration that leaves them to the default,
 * which for most AMIs still accepts IMDSv1).
 */
export function imdsRefusesV1(httpTokens: string | null, httpEndpoint: string | null): boolean {
  return httpTokens === 'required' || httpEndpoint === 'disabled';
}

export function describeImds(httpTokens: string | null, httpEndpoint: string | null): string {
  if (httpEndpoint === 'disabled') return 'the metadata endpoint disabled';
  return `HttpTokens ${httpTokens ?? 'not set'}`;
}
