/**
 * Italian calendar days for the court's and the service's dates: a date is a day in Rome, whatever
 * the server's time zone, and a deadline on a date falls due at the end of that day.
 */
export function todayInRome() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());
}

/** The end of an Italian calendar day (23:59:59.999 in Rome, summer time or not) as an instant. */
export function endOfRomeDay(isoDate: string) {
  const noon = new Date(`${isoDate}T12:00:00Z`);
  const offset =
    new Intl.DateTimeFormat('en', { timeZone: 'Europe/Rome', timeZoneName: 'longOffset' })
      .formatToParts(noon)
      .find((p) => p.type === 'timeZoneName')
      ?.value.replace('GMT', '') || '+00:00';
  return new Date(`${isoDate}T23:59:59.999${offset}`);
}
