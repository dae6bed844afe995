import type { AdvancedEventSelector, EventSelector } from '@aws-sdk/client-cloudtrail';
import type { ManagementEvents, TrailSelectors } from '../../snapshot/logging.js';

const S3_OBJECT = 'AWS::S3::Object';

/**
 * Summarizes GetEventSelectors into what the checks need. Pure, so both selector styles are unit-testable.
 * Classic selectors default to IncludeManagementEvents=true and ReadWriteType=All when fields are omitted.
 */
export function summarizeSelectors(
  classic: readonly EventSelector[] | undefined,
  advanced: readonly AdvancedEventSelector[] | undefined,
): TrailSelectors {
  const modes = new Set<ManagementEvents>();
  let s3DataEvents = false;
  for (const selector of classic ?? []) {
    if (selector.IncludeManagementEvents !== false) modes.add(toMode(selector.ReadWriteType));
    if ((selector.DataResources ?? []).some((r) => r.Type === S3_OBJECT)) s3DataEvents = true;
  }
  for (const selector of advanced ?? []) {
    const fields = new Map((selector.FieldSelectors ?? []).map((f) => [f.Field ?? '', f]));
    const category = fields.get('eventCategory')?.Equals ?? [];
    if (category.includes('Management')) modes.add(readOnlyMode(fields.get('readOnly')?.Equals));
    if (category.includes('Data') && (fields.get('resources.type')?.Equals ?? []).includes(S3_OBJECT)) {
      s3DataEvents = true;
    }
  }
  return { advanced: (advanced ?? []).length > 0, managementEvents: combine(modes), s3DataEvents };
}

function toMode(readWriteType: string | undefined): ManagementEvents {
  if (readWriteType === 'ReadOnly') return 'ReadOnly';
  if (readWriteType === 'WriteOnly') return 'WriteOnly';
  return 'All';
}

// Advanced selectors: no readOnly field means both reads and writes.
function readOnlyMode(equals: readonly string[] | undefined): ManagementEvents {
  if (!equals || equals.length === 0) return 'All';
  const values = new Set(equals.map((v) => v.toLowerCase()));
  if (values.has('true') && values.has('false')) return 'All';
  return values.has('true') ? 'ReadOnly' : 'WriteOnly';
}

function combine(modes: Set<ManagementEvents>): ManagementEvents {
  if (modes.has('All') || (modes.has('ReadOnly') && modes.has('WriteOnly'))) return 'All';
  if (modes.has('ReadOnly')) return 'ReadOnly';
  if (modes.has('WriteOnly')) return 'WriteOnly';
  return 'None';
}
