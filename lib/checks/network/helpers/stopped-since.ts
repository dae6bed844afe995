// DescribeInstances has no "stopped at" field; EC2 writes the time into StateTransitionReason,
// e.g. "User initiated (2019-05-22 15:02:22 GMT)". Also what Prowler and AWS's own samples parse.
const TIMESTAMP = /\((\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) (?:GMT|UTC)\)/;

/** When the instance entered its current state, from StateTransitionReason; null when it names no time. */
export function stoppedSince(stateTransitionReason: string | null): Date | null {
  const match = stateTransitionReason ? TIMESTAMP.exec(stateTransitionReason) : null;
  if (!match) return null;
  const when = new Date(`${match[1]}T${match[2]}Z`);
  return Number.isNaN(when.getTime()) ? null : when;
}
