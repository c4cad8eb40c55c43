import { useTranslation } from 'react-i18next';
import { AGE_BANDS, CITIZENSHIP_GROUPS, GENDERS, PARTICIPANT_KINDS } from '../../../contracts/community.js';
import { PLACE_STATUSES } from '../../../contracts/gatherings.js';

/**
 * The words of a participant's attributes: the few a registration and a head count keep (kind,
 * gender, age band, citizenship group), each list under `communityEvents.<list>.<code>`.
 */
export const PARTICIPANT_LISTS = {
  participant: PARTICIPANT_KINDS,
  gender: GENDERS,
  ageBand: AGE_BANDS,
  citizenshipGroup: CITIZENSHIP_GROUPS,
} as const;
export type TParticipantList = keyof typeof PARTICIPANT_LISTS;

export function useParticipantWords() {
  const { t } = useTranslation();
  const word = (list: TParticipantList, code: string) => t(`communityEvents.${list}.${code}`);
  return {
    word,
    options: (list: TParticipantList) =>
      PARTICIPANT_LISTS[list].map((code) => ({ value: code as string, label: word(list, code) })),
  };
}

/** A registration's place status in words (the gatherings' own words); never the code. */
export function usePlaceStatus() {
  const { t } = useTranslation();
  return (status: string) =>
    (PLACE_STATUSES as readonly string[]).includes(status)
      ? t(`enums.placeStatus.${status}`)
      : t('communityEvents.status.other');
}
