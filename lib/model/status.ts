/** A check's verdict on one resource. ERROR: the data could not be collected (never a PASS). */
export const CHECK_STATUSES = ['PASS', 'FAIL', 'ERROR', 'NOT_APPLICABLE'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/** A finding's status: a check verdict, or SUPPRESSED by a documented risk acceptance. */
export const FINDING_STATUSES = [...CHECK_STATUSES, 'SUPPRESSED'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
