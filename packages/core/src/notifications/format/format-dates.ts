import { NotificationError } from '../notification-error.ts';
import type { IsoDateOrTimestamp, IsoTimestamp } from '../notification-inputs.ts';

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
// An instant must say where it is on the clock: a timestamp without an offset means different
// moments on different servers.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|([+-])(\d{2}):(\d{2}))$/i;

function invalid(value: string): NotificationError {
  return new NotificationError(
    'NOTIFICATION_INPUT_INVALID',
    `not an ISO date or timestamp with an offset: ${JSON.stringify(value).slice(0, 60)}`,
  );
}

function instant(value: IsoTimestamp): Date {
  const date = new Date(value);
  if (!INSTANT.test(value) || Number.isNaN(date.getTime())) throw invalid(value);
  return date;
}

/** A moment (a deadline, when a payment went through) in the traveller's language and time zone, with the zone. */
export function formatInstant(value: IsoTimestamp, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(instant(value));
}

/**
 * A travel date as the place it happens keeps it: a calendar day is that day wherever it is read (a
 * check-in date), and an instant is shown at its own offset, the local time at the airport, as
 * tickets and timetables show it (a 06:30 departure from Kathmandu reads 06:30 in London too).
 */
export function formatTravelDate(value: IsoDateOrTimestamp, locale: string): string {
  const day = CALENDAR_DAY.exec(value);
  if (day) {
    const date = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
    if (date.toISOString().slice(0, 10) !== value) throw invalid(value);
    return new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    }).format(date);
  }
  const offset = INSTANT.exec(value);
  const sign = offset?.[4] === '-' ? -1 : 1;
  const offsetMinutes = offset?.[4] ? sign * (Number(offset[5]) * 60 + Number(offset[6])) : 0;
  // The wall-clock time at that offset is the UTC time of the instant moved by it.
  const wallClock = new Date(instant(value).getTime() + offsetMinutes * 60_000);
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(wallClock);
}
