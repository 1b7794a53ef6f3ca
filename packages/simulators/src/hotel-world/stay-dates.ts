/**
 * Hotels in the simulated world keep Nepal time (UTC+05:45, no daylight saving): check-in days,
 * cancellation deadlines and hold limits are stated with that offset, as a Nepali hotel would.
 */
export const NEPAL_OFFSET = '+05:45';
const NEPAL_OFFSET_MS = (5 * 60 + 45) * 60_000;
const DAY_MS = 86_400_000;

/** The calendar date in Nepal at `instant` (YYYY-MM-DD). */
export function nepalDate(instant: Date): string {
  return new Date(instant.getTime() + NEPAL_OFFSET_MS).toISOString().slice(0, 10);
}

/** `instant` written in Nepal time, e.g. 2027-01-18T12:00:00+05:45. */
export function toNepalIso(instant: Date): string {
  return `${new Date(instant.getTime() + NEPAL_OFFSET_MS).toISOString().slice(0, 19)}${NEPAL_OFFSET}`;
}

/** A local Nepal wall-clock time on `date` as an instant. */
export function nepalInstant(date: string, time: string): Date {
  return new Date(`${date}T${time}:00${NEPAL_OFFSET}`);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The nights of a stay: every date from check-in up to, not including, check-out. */
export function stayNights(checkIn: string, checkOut: string): string[] {
  const nights: string[] = [];
  for (let date = checkIn; date < checkOut; date = addDays(date, 1)) nights.push(date);
  return nights;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Why a stay cannot be sold on `today` (Nepal date), or undefined when it can. */
export function stayProblem(checkIn: string, checkOut: string, today: string): string | undefined {
  if (!ISO_DATE.test(checkIn) || Number.isNaN(Date.parse(checkIn))) return 'check-in is not a date';
  if (!ISO_DATE.test(checkOut) || Number.isNaN(Date.parse(checkOut))) return 'check-out is not a date';
  if (checkIn < today) return 'check-in is in the past';
  if (checkOut <= checkIn) return 'check-out must be after check-in';
  if (stayNights(checkIn, checkOut).length > 30) return 'stays are limited to 30 nights';
  return undefined;
}
