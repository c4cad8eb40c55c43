import type { TLanguageLevel, TMatch, TMediationMode } from '../../../contracts/mediation.js';

/**
 * Ranking mediators for a request (issue 18, item 3), a pure function over what
 * `mediation-candidates.ts` loaded. Hard exclusions drop a mediator without a trace in the answer
 * (a conflict, the perpetrator rule, an absence, a booking, no hours then, the wrong gender for a
 * victim, a community the victim refused, no such language or mode); the rest are scored, and
 * each point comes with the reason the screen shows.
 */

export interface MatchRequest {
  language: string;
  dialect: string | null;
  mode: TMediationMode;
  /** Local (Europe/Rome) weekday 1–7 and minutes from midnight of the start and the end. */
  weekday: number;
  fromMinute: number;
  toMinute: number;
  /** The place's centre and area, in person; null at a distance. */
  place: { latitude: number; longitude: number; municipality: string; districtId: string | null } | null;
  genderPreference: 'any' | 'female' | 'male';
  victim: boolean;
  victimMediatorGender: 'female' | 'male' | null;
  community: string | null;
  avoidSameCommunity: boolean;
}

export interface Candidate {
  mediatorId: string;
  displayName: string;
  organisationName: string;
  gender: 'female' | 'male';
  modes: readonly string[];
  countries: readonly string[];
  ownCommunity: string | null;
  languages: readonly { language: string; dialect: string | null; level: TLanguageLevel }[];
  districtIds: readonly string[];
  municipalities: readonly string[];
  base: { latitude: number; longitude: number } | null;
  availability: readonly { weekday: number; fromMinute: number; toMinute: number }[];
  /** Judged in SQL for the request: an absence that day, an overlapping booking, any conflict. */
  absent: boolean;
  busy: boolean;
  conflict: boolean;
  /** Minutes already booked in the week around the request. */
  weekMinutes: number;
  /** Has mediated for the same household before (on the same side of the perpetrator rule). */
  continuity: boolean;
}

const LEVEL_POINTS: Record<TLanguageLevel, number> = { native: 30, fluent: 25, good: 15, basic: 5 };

/** Straight-line kilometres between two points (haversine). */
export function kilometres(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
) {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** Why a mediator may never be offered this request; null when they may. */
export function exclusionOf(request: MatchRequest, c: Candidate): string | null {
  if (c.conflict) return 'conflict';
  if (c.absent) return 'absent';
  if (c.busy) return 'busy';
  if (!c.modes.includes(request.mode)) return 'mode';
  if (!c.languages.some((l) => l.language === request.language)) return 'language';
  const covered = c.availability.some(
    (s) =>
      s.weekday === request.weekday && s.fromMinute <= request.fromMinute && s.toMinute >= request.toMinute,
  );
  if (!covered) return 'hours';
  if (request.victim && request.victimMediatorGender && c.gender !== request.victimMediatorGender)
    return 'gender';
  if (request.avoidSameCommunity && request.community && c.ownCommunity === request.community)
    return 'community';
  return null;
}

export function scoreOf(request: MatchRequest, c: Candidate): Pick<TMatch, 'score' | 'reasons'> {
  const reasons: TMatch['reasons'] = [];
  const spoken = c.languages.filter((l) => l.language === request.language);
  const best = spoken.reduce((a, b) => (LEVEL_POINTS[b.level] > LEVEL_POINTS[a.level] ? b : a));
  reasons.push({ code: 'language_level', value: best.level, points: LEVEL_POINTS[best.level] });
  const wanted = request.dialect?.trim().toLowerCase();
  if (wanted && spoken.some((l) => l.dialect?.trim().toLowerCase() === wanted))
    reasons.push({ code: 'dialect', value: request.dialect, points: 10 });
  if (request.place) {
    if (c.base && Number.isFinite(request.place.latitude)) {
      const km = Math.round(kilometres(c.base, request.place) * 10) / 10;
      const points = km <= 10 ? 15 : km <= 25 ? 8 : km <= 50 ? 0 : -10;
      reasons.push({ code: 'distance', value: km, points });
    }
    const serves =
      c.municipalities.includes(request.place.municipality) ||
      (request.place.districtId !== null && c.districtIds.includes(request.place.districtId));
    if (serves) reasons.push({ code: 'area', value: null, points: 5 });
  } else reasons.push({ code: 'remote', value: request.mode, points: 0 });
  if (!request.victim && request.genderPreference !== 'any' && c.gender === request.genderPreference)
    reasons.push({ code: 'gender', value: c.gender, points: 10 });
  if (c.continuity) reasons.push({ code: 'continuity', value: null, points: 15 });
  if (request.community && c.countries.includes(request.community))
    reasons.push({ code: 'community', value: request.community, points: 8 });
  const hours = Math.round((c.weekMinutes / 60) * 10) / 10;
  reasons.push({ code: 'workload', value: hours, points: Math.max(0, 10 - Math.floor(hours)) });
  return { score: reasons.reduce((sum, r) => sum + r.points, 0), reasons };
}

/** The suitable mediators, best first (ties: fewer hours booked, then name), at most `limit`. */
export function rankCandidates(
  request: MatchRequest,
  candidates: readonly Candidate[],
  limit: number,
): TMatch[] {
  const ranked: (TMatch & { weekMinutes: number })[] = [];
  for (const c of candidates) {
    if (exclusionOf(request, c) !== null) continue;
    ranked.push({
      mediatorId: c.mediatorId,
      displayName: c.displayName,
      organisationName: c.organisationName,
      weekMinutes: c.weekMinutes,
      ...scoreOf(request, c),
    });
  }
  ranked.sort(
    (a, b) =>
      b.score - a.score || a.weekMinutes - b.weekMinutes || a.displayName.localeCompare(b.displayName, 'it'),
  );
  return ranked.slice(0, limit).map(({ weekMinutes: _w, ...match }) => match);
}

/** The local weekday (1 Monday … 7 Sunday) and minutes from midnight of an instant, in Italy. */
export function localSlot(at: Date): { weekday: number; minute: number; date: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Rome',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday as string) + 1;
  return {
    weekday,
    minute: Number(parts.hour) * 60 + Number(parts.minute),
    date: `${parts.year}-${parts.month}-${parts.day}`,
  };
}
