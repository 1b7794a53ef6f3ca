/**
 * The dialect speaks local times: a calendar date (DDMMYY on the wire) and minutes after local
 * midnight, at an airport whose fixed UTC offset turns them into instants.
 */
const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' + minutes after local midnight at `offsetMinutes` -> epoch milliseconds. */
export function localToEpochMs(date: string, minutes: number, offsetMinutes: number): number {
  return Date.parse(`${date}T00:00:00Z`) + (minutes - offsetMinutes) * 60_000;
}

function epochMsToLocal(epochMs: number, offsetMinutes: number): { date: string; minutes: number } {
  const local = epochMs + offsetMinutes * 60_000;
  const date = new Date(Math.floor(local / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
  return { date, minutes: Math.floor((local % DAY_MS) / 60_000) };
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday, Monday 1 to Sunday 7. */
export function isoWeekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
}

/** '07:15' -> 435 */
export function clockToMinutes(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return hours! * 60 + minutes!;
}

/** 2027-01-20 -> 200127 */
export function toEdifactDate(date: string): string {
  return `${date.slice(8, 10)}${date.slice(5, 7)}${date.slice(2, 4)}`;
}

/** 200127 -> 2027-01-20 (this system only sells 20xx dates); undefined when it is not a date. */
export function fromEdifactDate(ddmmyy: string): string | undefined {
  if (!/^\d{6}$/.test(ddmmyy)) return undefined;
  const date = `20${ddmmyy.slice(4, 6)}-${ddmmyy.slice(2, 4)}-${ddmmyy.slice(0, 2)}`;
  return new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date ? date : undefined;
}

/** 1990-04-02 -> 02041990 */
export function toEdifactLongDate(date: string): string {
  return `${date.slice(8, 10)}${date.slice(5, 7)}${date.slice(0, 4)}`;
}

export function fromEdifactLongDate(ddmmyyyy: string): string | undefined {
  if (!/^\d{8}$/.test(ddmmyyyy)) return undefined;
  return `${ddmmyyyy.slice(4, 8)}-${ddmmyyyy.slice(2, 4)}-${ddmmyyyy.slice(0, 2)}`;
}

/** 425 -> 0705 */
export function toEdifactTime(minutes: number): string {
  const inDay = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(inDay / 60)).padStart(2, '0')}${String(inDay % 60).padStart(2, '0')}`;
}

/** 345 -> +0545 */
function toUtcOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  return `${sign}${toEdifactTime(Math.abs(offsetMinutes))}`;
}

/** An instant as the dialect writes it at one place: local date, local time and that place's offset. */
export function edifactLocalDateTime(epochMs: number, offsetMinutes: number): { date: string; time: string; utcOffset: string } {
  const local = epochMsToLocal(epochMs, offsetMinutes);
  return { date: toEdifactDate(local.date), time: toEdifactTime(local.minutes), utcOffset: toUtcOffset(offsetMinutes) };
}
