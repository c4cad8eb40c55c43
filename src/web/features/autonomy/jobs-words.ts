import { useTranslation } from 'react-i18next';
import {
  CEFR_LEVELS,
  DRIVING_LICENCES,
  EDUCATION_LEVELS,
  EDUCATION_RECOGNITION,
  ENROLMENT_STATUSES,
  FOLLOW_UP_OUTCOMES,
  JOB_PLACEMENT_KINDS,
  JOB_PLACEMENT_STATUSES,
  WAGE_BANDS,
} from '../../../contracts/autonomy.js';

/** The codes of enrolments, the skills balance and placements in words, under `autonomyJobs.words`. */
export const JOB_CODE_LISTS = {
  enrolmentStatus: ENROLMENT_STATUSES,
  educationLevel: EDUCATION_LEVELS,
  educationRecognition: EDUCATION_RECOGNITION,
  drivingLicence: DRIVING_LICENCES,
  cefrLevel: CEFR_LEVELS,
  placementKind: JOB_PLACEMENT_KINDS,
  placementStatus: JOB_PLACEMENT_STATUSES,
  wageBand: WAGE_BANDS,
  followUpOutcome: FOLLOW_UP_OUTCOMES,
} as const;
export type TJobCodeList = keyof typeof JOB_CODE_LISTS;

export function useJobWords() {
  const { t } = useTranslation();
  const word = (list: TJobCodeList, code: string | null | undefined) =>
    code ? t(`autonomyJobs.words.${list}.${code}`) : '—';
  return {
    word,
    options: (list: TJobCodeList, only?: readonly string[]) =>
      JOB_CODE_LISTS[list]
        .filter((code) => !only || only.includes(code))
        .map((code) => ({ value: code as string, label: word(list, code) })),
  };
}
