/**
 * What a mediation costs, fixed when its hours are logged (ADR 0020 item 5): the paid minutes
 * (the mediation and the travel) at the hourly rate, plus the kilometres — rounded to the one
 * decimal they are stored with, so a statement's line multiplies out — at the rate per km.
 */
export function mediationCost({
  minutes,
  travelMinutes,
  travelKm,
  hourlyCents,
  centsPerKm,
}: {
  minutes: number;
  travelMinutes: number;
  travelKm: number;
  hourlyCents: number;
  centsPerKm: number;
}) {
  const km = Math.round(travelKm * 10) / 10;
  return { km, costCents: Math.round(((minutes + travelMinutes) * hourlyCents) / 60 + km * centsPerKm) };
}
