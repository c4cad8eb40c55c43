import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { ActionsSection } from './ActionsSection.js';
import { DecisionsSection } from './DecisionsSection.js';
import { useMinutes } from './governance-actions-api.js';
import { MinutesSection } from './MinutesSection.js';

/**
 * A meeting's minutes, decisions and actions, shown on the meeting's page (committees feature).
 * Its sections use h2 headings: the meeting page brings the h1.
 */
export function MeetingRecord({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const minutes = useMinutes(meetingId);
  return (
    <AsyncContent query={minutes}>
      {(data) => (
        <>
          <MinutesSection minutes={data} />
          <DecisionsSection minutes={data} />
          <ActionsSection minutes={data} />
          <p>
            <Link
              to="/governance/committees/$committeeId/actions"
              params={{ committeeId: data.committee.id }}
            >
              {t('governanceActions.actions.allOfCommittee', { name: data.committee.name })}
            </Link>
          </p>
        </>
      )}
    </AsyncContent>
  );
}
