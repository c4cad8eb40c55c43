import { useTranslation } from 'react-i18next';
import type { TConferenceDetail } from '../../../contracts/website-conferences.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { ConferenceEvent } from './ConferenceEvent.js';
import { ConferenceMaterials } from './ConferenceMaterials.js';
import { ConferenceProgramme } from './ConferenceProgramme.js';
import { ConferenceSpeakers } from './ConferenceSpeakers.js';
import { ConferenceSurvey } from './ConferenceSurvey.js';
import { useConference } from './conference-api.js';

/**
 * A conference (a page of kind `conference`): what still stops it from going public, the community
 * event it is (registration and survey are the event's), the programme, the speakers who agreed to
 * be named, and after the event its materials, recordings and the survey's results.
 */
export function ConferencePanel({ pageId }: { pageId: string }) {
  const { t } = useTranslation();
  const conference = useConference(pageId);
  return (
    <section aria-labelledby="site-conference-heading" className="mb-5">
      <h2 id="site-conference-heading" className="h4">
        {t('website.conference.title')}
      </h2>
      <p>{t('website.conference.intro')}</p>
      <AsyncContent query={conference}>
        {(detail) => (
          <>
            <ConferenceProblems problems={detail.problems} />
            <ConferenceEvent pageId={pageId} event={detail.event} />
            <ConferenceProgramme pageId={pageId} detail={detail} />
            <ConferenceSpeakers pageId={pageId} speakers={detail.speakers} />
            <ConferenceMaterials pageId={pageId} materials={detail.materials} />
            <ConferenceSurvey survey={detail.survey} />
          </>
        )}
      </AsyncContent>
    </section>
  );
}

/** What publication would refuse now, in the interface's language; nothing when it is ready. */
function ConferenceProblems({ problems }: { problems: TConferenceDetail['problems'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div role="status" className={problems.length > 0 ? 'mb-4' : undefined}>
      {problems.length > 0 && (
        <div className="alert alert-warning mb-0">
          <p className="fw-semibold mb-1">{t('website.conference.problems')}</p>
          <ul className="mb-0">
            {problems.map((problem) => (
              <li key={problem.it}>{problem[locale]}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
