/**
 * Departure dates are calendar days (YYYY-MM-DD), not instants: a trek starts on the 3rd wherever
 * the traveller books from. Day arithmetic is done in UTC so no time zone or DST shift moves a date.
 * "Today" is the UTC date until agencies carry a time zone of their own.
 */
export function addDays(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export function todayOf(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
