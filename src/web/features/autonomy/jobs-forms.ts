import type { z } from 'zod';
import {
  type TEnrolment,
  type TJobPlacement,
  type TSkills,
  ZEnrolmentUpdateSchema,
  ZFollowUpInputSchema,
  ZJobPlacementInputSchema,
  ZJobPlacementUpdateSchema,
  ZSkillsInputSchema,
} from '../../../contracts/autonomy.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { orNull, todayLocal } from '../../ui/forms/values.js';

/**
 * What the plan's job forms hold (strings and flags, as inputs do) and the request bodies they
 * build on submit; the contract's schemas check those bodies (`contractResolver`). A value the
 * contract refuses is sent as it is, so its own check names the field.
 */
const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.replace(',', '.')));

// ── Enrolment outcome ───────────────────────────────────────────────────────────────────────────

export interface OutcomeValues {
  status: string;
  certificate: boolean;
  outcomeOn: string;
}
export const outcomeToValues = (e: TEnrolment): OutcomeValues => ({
  status: e.status === 'enrolled' ? 'completed' : e.status,
  certificate: e.certificate,
  outcomeOn: e.outcomeOn ?? todayLocal(),
});
type OutcomeBody = z.input<typeof ZEnrolmentUpdateSchema>;
export const outcomeToInput = (v: OutcomeValues): OutcomeBody => ({
  status: v.status as OutcomeBody['status'],
  certificate: v.status === 'completed' && v.certificate,
  outcomeOn: orNull(v.outcomeOn),
});
export const outcomeResolver = contractResolver<OutcomeValues>(ZEnrolmentUpdateSchema, outcomeToInput);

// ── Skills balance ──────────────────────────────────────────────────────────────────────────────

export interface SkillsValues {
  languages: { language: string; level: string }[];
  educationLevel: string;
  educationCountry: string;
  educationRecognition: string;
  workHistory: string;
  drivingLicence: string;
  notes: string;
}
export const skillsToValues = (s: TSkills | null): SkillsValues => ({
  languages: s?.languages ?? [],
  educationLevel: s?.educationLevel ?? '',
  educationCountry: s?.educationCountry ?? '',
  educationRecognition: s?.educationRecognition ?? '',
  workHistory: s?.workHistory ?? '',
  drivingLicence: s?.drivingLicence ?? '',
  notes: s?.notes ?? '',
});
type SkillsBody = z.input<typeof ZSkillsInputSchema>;
type Code<K extends keyof SkillsBody> = NonNullable<SkillsBody[K]>;
export const skillsToInput = (v: SkillsValues): SkillsBody => ({
  languages: v.languages.map((l) => ({
    language: l.language,
    level: l.level as Code<'languages'>[number]['level'],
  })),
  educationLevel: orNull(v.educationLevel) as Code<'educationLevel'> | null,
  educationCountry: orNull(v.educationCountry),
  educationRecognition: orNull(v.educationRecognition) as Code<'educationRecognition'> | null,
  workHistory: orNull(v.workHistory),
  drivingLicence: orNull(v.drivingLicence) as Code<'drivingLicence'> | null,
  notes: orNull(v.notes),
});
export const skillsResolver = contractResolver<SkillsValues>(ZSkillsInputSchema, skillsToInput);

// ── Job placements ──────────────────────────────────────────────────────────────────────────────

export interface PlacementValues {
  employerHolderId: string;
  initiativeId: string;
  kind: string;
  startsOn: string;
  endsOn: string;
  hoursPerWeek: string;
  wageBand: string;
  employerTutorName: string;
}
export const emptyPlacement = (): PlacementValues => ({
  employerHolderId: '',
  initiativeId: '',
  kind: '',
  startsOn: todayLocal(),
  endsOn: '',
  hoursPerWeek: '',
  wageBand: '',
  employerTutorName: '',
});
type PlacementBody = z.input<typeof ZJobPlacementInputSchema>;
export const placementToInput = (v: PlacementValues): PlacementBody => ({
  employerHolderId: v.employerHolderId,
  initiativeId: orNull(v.initiativeId),
  kind: v.kind as PlacementBody['kind'],
  startsOn: v.startsOn,
  endsOn: orNull(v.endsOn),
  hoursPerWeek: numberOf(v.hoursPerWeek),
  wageBand: v.wageBand as PlacementBody['wageBand'],
  employerTutorName: orNull(v.employerTutorName),
});
export const placementResolver = contractResolver<PlacementValues>(
  ZJobPlacementInputSchema,
  placementToInput,
);

/** Where a placement may go from where it stands (the server holds the same path). */
export const NEXT_PLACEMENT_STATUS: Record<TJobPlacement['status'], readonly TJobPlacement['status'][]> = {
  proposed: ['active', 'not_started'],
  active: ['ended'],
  ended: [],
  not_started: [],
};

export interface PlacementStatusValues {
  status: string;
  endsOn: string;
  endNote: string;
}
export const placementStatusToValues = (p: TJobPlacement): PlacementStatusValues => ({
  status: NEXT_PLACEMENT_STATUS[p.status][0] ?? p.status,
  endsOn: p.endsOn ?? '',
  endNote: p.endNote ?? '',
});
type StatusBody = z.input<typeof ZJobPlacementUpdateSchema>;
/** The end and its note go with an ended placement only; the other moves change the status alone. */
export const placementStatusToInput = (v: PlacementStatusValues): StatusBody =>
  v.status === 'ended'
    ? { status: 'ended', endsOn: orNull(v.endsOn), endNote: orNull(v.endNote) }
    : { status: v.status as StatusBody['status'] };
export const placementStatusResolver = contractResolver<PlacementStatusValues>(
  ZJobPlacementUpdateSchema,
  placementStatusToInput,
);

export interface FollowUpValues {
  outcome: string;
  recordedOn: string;
}
export const emptyFollowUp = (): FollowUpValues => ({ outcome: '', recordedOn: todayLocal() });
type FollowUpBody = z.input<typeof ZFollowUpInputSchema>;
export const followUpToInput = (v: FollowUpValues): FollowUpBody => ({
  outcome: v.outcome as FollowUpBody['outcome'],
  recordedOn: v.recordedOn,
});
export const followUpResolver = contractResolver<FollowUpValues>(ZFollowUpInputSchema, followUpToInput);
