/**
 * The longest gap, in hours, between runs of a backup rule's schedule, or null when we cannot tell.
 * AWS Backup schedules are `cron(min hour day-of-month month day-of-week year)` or `rate(n unit)`;
 * a rule without one runs daily (AWS default cron(0 5 ? * * *)). Only the shapes that decide a
 * daily-or-better answer are interpreted: hours `*`, `a/b`, `*\/b`, lists and single values on every
 * day; any schedule restricted to some days of the month or week runs less often than daily.
 */
export function scheduleIntervalHours(expression: string | null): number | null {
  if (expression === null) return 24;
  const rate = /^rate\((\d+)\s+(minute|minutes|hour|hours|day|days)\)$/i.exec(expression.trim());
  if (rate) {
    const n = Number(rate[1]);
    const unit = (rate[2] ?? '').toLowerCase();
    return unit.startsWith('minute') ? n / 60 : unit.startsWith('hour') ? n : n * 24;
  }
  const cron = /^cron\((.+)\)$/i.exec(expression.trim());
  const fields = cron?.[1]?.trim().split(/\s+/);
  if (!fields || fields.length < 6) return null;
  const [, hour = '', dayOfMonth = '', , dayOfWeek = ''] = fields;
  const everyDay = ['*', '?'].includes(dayOfMonth) && ['*', '?'].includes(dayOfWeek);
  if (!everyDay) return 24 * 7; // weekly, monthly or some weekdays: the gap exceeds a day
  if (hour === '*') return 1;
  const step = /^(?:\*|\d+)\/(\d+)$/.exec(hour);
  if (step) return Number(step[1]);
  if (/^\d+(,\d+)+$/.test(hour)) {
    const hours = hour.split(',').map(Number).sort((a, b) => a - b);
    const gaps = hours.map((h, i) => (i === 0 ? h + 24 - (hours.at(-1) ?? h) : h - (hours[i - 1] ?? h)));
    return Math.max(...gaps);
  }
  if (/^\d+$/.test(hour)) return 24;
  return null;
}
