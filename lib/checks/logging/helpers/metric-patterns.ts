/**
 * Loose matchers for the CIS AWS Foundations monitoring filter patterns. A pattern is normalized
 * (lower case, no whitespace or quotes) and must mention the events the CIS pattern names; we do not
 * parse the filter syntax, so an equivalent pattern written differently may need an exact-token rewrite.
 */
export function normalizePattern(pattern: string): string {
  return pattern.toLowerCase().replace(/[\s"']/g, '');
}

const mentionsAll = (pattern: string, tokens: readonly string[]): boolean =>
  tokens.every((t) => pattern.includes(t.toLowerCase()));

export const matchesRootUsage = (raw: string): boolean =>
  normalizePattern(raw).includes('$.useridentity.type=root');

export const matchesConsoleAuthFailures = (raw: string): boolean => {
  const p = normalizePattern(raw);
  // CIS: $.errorMessage = "Failed authentication"; older variants test responseElements.ConsoleLogin = "Failure".
  return p.includes('consolelogin') && (p.includes('failedauthentication') || p.includes('consolelogin=failure'));
};

const IAM_POLICY_EVENTS = [
  'DeleteGroupPolicy', 'DeleteRolePolicy', 'DeleteUserPolicy', 'PutGroupPolicy', 'PutRolePolicy', 'PutUserPolicy',
  'CreatePolicy', 'DeletePolicy', 'CreatePolicyVersion', 'DeletePolicyVersion', 'AttachRolePolicy', 'DetachRolePolicy',
  'AttachUserPolicy', 'DetachUserPolicy', 'AttachGroupPolicy', 'DetachGroupPolicy',
] as const;

export const matchesIamPolicyChanges = (raw: string): boolean => {
  const p = normalizePattern(raw);
  // A filter on every IAM call (no eventName restriction) also catches every policy change.
  const allIam = p.includes('$.eventsource=iam.amazonaws.com') && !p.includes('eventname');
  return allIam || mentionsAll(p, IAM_POLICY_EVENTS);
};

const CLOUDTRAIL_EVENTS = ['CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging'] as const;

export const matchesCloudTrailConfigChanges = (raw: string): boolean => mentionsAll(normalizePattern(raw), CLOUDTRAIL_EVENTS);

export const matchesUnauthorizedApiCalls = (raw: string): boolean => {
  const p = normalizePattern(raw);
  return p.includes('unauthorizedoperation') && p.includes('accessdenied');
};
