/**
 * EDIFACT date and time fields: DDMMYY dates, DDMMYYYY birth dates, HHMM local times, +HHMM
 * offsets. The GDS sells 20xx dates only, so two-digit years are unambiguous.
 */
export function toEdifactDate(isoDate: string): string {
  return `${isoDate.slice(8, 10)}${isoDate.slice(5, 7)}${isoDate.slice(2, 4)}`;
}

export function toEdifactLongDate(isoDate: string): string {
  return `${isoDate.slice(8, 10)}${isoDate.slice(5, 7)}${isoDate.slice(0, 4)}`;
}

export function fromEdifactDate(ddmmyy: string): string {
  if (!/^\d{6}$/.test(ddmmyy)) throw new Error(`not an EDIFACT date: ${ddmmyy}`);
  return `20${ddmmyy.slice(4, 6)}-${ddmmyy.slice(2, 4)}-${ddmmyy.slice(0, 2)}`;
}

function clock(hhmm: string): string {
  if (!/^\d{4}$/.test(hhmm)) throw new Error(`not an EDIFACT time: ${hhmm}`);
  return `${hhmm.slice(0, 2)}:${hhmm.slice(2, 4)}:00`;
}

/** Local date and time, without an offset (the GDS gives flight times in each airport's local time). */
export function localDateTime(ddmmyy: string, hhmm: string): string {
  return `${fromEdifactDate(ddmmyy)}T${clock(hhmm)}`;
}

/** Local date and time with the offset the GDS gives (time limits, quote validity). */
export function offsetDateTime(ddmmyy: string, hhmm: string, utcOffset: string): string {
  if (!/^[+-]\d{4}$/.test(utcOffset)) throw new Error(`not a UTC offset: ${utcOffset}`);
  return `${localDateTime(ddmmyy, hhmm)}${utcOffset.slice(0, 3)}:${utcOffset.slice(3)}`;
}

/** HHMM elapsed time -> minutes */
export function edifactMinutes(hhmm: string): number {
  if (!/^\d{4}$/.test(hhmm)) throw new Error(`not an EDIFACT duration: ${hhmm}`);
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(2, 4));
}
