import { describe, expect, it } from 'vitest';
import { filterMatches, parseFilterPattern } from '../../lib/checks/logging/helpers/filter-pattern.js';
import { ACTIVITIES, catchesActivity } from '../../lib/checks/logging/helpers/monitored-activities.js';

const matches = (pattern: string, event: object): boolean => {
  const parsed = parseFilterPattern(pattern);
  if (!parsed) throw new Error(`did not parse: ${pattern}`);
  return filterMatches(parsed, event);
};

describe('CloudWatch Logs filter patterns', () => {
  it('evaluates JSON comparisons, wildcards, numbers, IS/NOT EXISTS and precedence (&& before ||)', () => {
    const event = { eventName: 'ConsoleLogin', errorCode: 'Client.UnauthorizedOperation', n: 5, flag: true, gone: null, list: ['a', 'b'] };
    expect(matches('{ $.eventName = ConsoleLogin }', event)).toBe(true);
    expect(matches('{ $.eventName = "Console*" }', event)).toBe(true);
    expect(matches('{ $.errorCode = "*Unauthorized*" }', event)).toBe(true);
    expect(matches('{ $.eventName != ConsoleLogin }', event)).toBe(false);
    expect(matches('{ $.missing != "x" }', event)).toBe(false);
    expect(matches('{ $.n >= 5 && $.n < 6 }', event)).toBe(true);
    expect(matches('{ $.flag IS TRUE && $.gone IS NULL && $.nothing NOT EXISTS }', event)).toBe(true);
    expect(matches('{ $.list[1] = b }', event)).toBe(true);
    expect(matches('{ $.eventName = %^Console% }', event)).toBe(true);
    expect(matches('{ $.eventName = Nope || $.n = 5 && $.flag IS FALSE }', event)).toBe(false);
    expect(matches('{ ($.eventName = Nope || $.n = 5) && $.flag IS TRUE }', event)).toBe(true);
  });

  it('evaluates term patterns on the event text and refuses what it cannot read', () => {
    expect(matches('ConsoleLogin ?Failure ?Denied -Success', { eventName: 'ConsoleLogin', errorMessage: 'Denied' })).toBe(true);
    expect(matches('ConsoleLogin -Denied', { eventName: 'ConsoleLogin', errorMessage: 'Denied' })).toBe(false);
    expect(matches('', { anything: 1 })).toBe(true);
    expect(parseFilterPattern('[ip, user, ...]')).toBeUndefined();
    expect(parseFilterPattern('{ $.eventName = }')).toBeUndefined();
    expect(parseFilterPattern('{ eventName = X }')).toBeUndefined();
  });
});

describe('monitored activities', () => {
  it.each(Object.entries(ACTIVITIES))('the CIS pattern for %s catches the activity and nothing unrelated', (_name, activity) => {
    expect(catchesActivity(activity.cisPattern, activity)).toBe(true);
  });

  it('passes an equivalent pattern written differently', () => {
    expect(catchesActivity('{ $.eventSource = iam.amazonaws.com }', ACTIVITIES.iamPolicyChanges)).toBe(true);
    expect(catchesActivity('{ $.eventSource = "kms.amazonaws.com" && ($.eventName = "ScheduleKeyDeletion" || $.eventName = "DisableKey") }', ACTIVITIES.kmsKeyDisabledOrDeleted)).toBe(true);
  });

  it('fails a pattern that names the events but selects none of them, one that misses some, and a catch-all', () => {
    expect(catchesActivity('{ $.eventName = CreateTrail && $.eventName = DeleteTrail && $.eventName = StopLogging && $.eventName = StartLogging && $.eventName = UpdateTrail }', ACTIVITIES.cloudTrailChanges)).toBe(false);
    expect(catchesActivity('{ ($.eventName = CreateTrail) || ($.eventName = DeleteTrail) }', ACTIVITIES.cloudTrailChanges)).toBe(false);
    expect(catchesActivity('{ $.eventVersion = * }', ACTIVITIES.securityGroupChanges)).toBe(false);
    expect(catchesActivity('{ $.eventName = "ConsoleLogin" }', ACTIVITIES.consoleSignInWithoutMfa)).toBe(false);
  });
});
