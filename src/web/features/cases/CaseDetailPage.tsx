import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TCase } from '../../../contracts/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { NotFoundPage } from '../errors/NotFoundPage.js';
import { AssessmentSection } from './AssessmentSection.js';
import { CaseDocumentsSection } from './CaseDocumentsSection.js';
import { CaseNetworkSection } from './CaseNetworkSection.js';
import { CaseOverview } from './CaseOverview.js';
import { CaseServicesSection } from './CaseServicesSection.js';
import { ClosureSection } from './ClosureSection.js';
import { CourtSection } from './CourtSection.js';
import { CASE_TABS, type CaseTab } from './case-tabs.js';
import { useCase } from './cases-api.js';
import { IntakeSection } from './IntakeSection.js';
import { PlacementsSection } from './PlacementsSection.js';
import { PlanSection } from './PlanSection.js';
import { SessionsSection } from './SessionsSection.js';
import { StatusBadge } from './StatusBadge.js';
import { TeamSection } from './TeamSection.js';
import { TimelineSection } from './TimelineSection.js';

export function CaseDetailPage({ caseId, tab }: { caseId: string; tab: CaseTab }) {
  const query = useCase(caseId);
  return (
    <AsyncContent query={query} notFound={<NotFoundPage />}>
      {(data) => <CaseView data={data} tab={tab} />}
    </AsyncContent>
  );
}

/**
 * One case, one part at a time. The parts are links (each has its URL; the back button works).
 * A referrer sees only the overview: status and outcome.
 */
function CaseView({ data, tab }: { data: TCase; tab: CaseTab }) {
  const { t } = useTranslation();
  const referrer = data.access === 'referrer';
  const current: CaseTab = referrer ? 'overview' : tab;
  const title = t('cases.detail.title', { code: data.code });

  return (
    <>
      <p className="mb-2">
        <Link to="/cases">{t('cases.detail.back')}</Link>
      </p>
      <PageHeading title={title} documentTitle={`${t(`cases.tabs.${current}`)} · ${title}`}>
        <p className="mb-0">
          <StatusBadge kind="caseStatus" value={data.status} /> {data.serviceName}
          {data.districtName ? ` · ${data.districtName}` : ''}
        </p>
      </PageHeading>
      {data.access === 'break_glass' && (
        <div className="alert alert-warning" role="note">
          {t('cases.detail.breakGlass')}
        </div>
      )}
      {!referrer && (
        <nav aria-label={t('cases.detail.tabsLabel')} className="mb-4">
          <ul className="nav nav-tabs flex-wrap">
            {CASE_TABS.map((key) => (
              <li key={key} className="nav-item">
                <Link
                  to="/cases/$caseId"
                  params={{ caseId: data.id }}
                  search={key === 'overview' ? {} : { tab: key }}
                  className="nav-link"
                  activeOptions={{ exact: true, includeSearch: true }}
                >
                  {t(`cases.tabs.${key}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <CaseTabContent data={data} tab={current} />
    </>
  );
}

function CaseTabContent({ data, tab }: { data: TCase; tab: CaseTab }) {
  switch (tab) {
    case 'team':
      return <TeamSection data={data} />;
    case 'intake':
      return <IntakeSection data={data} />;
    case 'assessment':
      return <AssessmentSection data={data} />;
    case 'plan':
      return <PlanSection data={data} />;
    case 'sessions':
      return <SessionsSection data={data} />;
    case 'services':
      return <CaseServicesSection data={data} />;
    case 'documents':
      return <CaseDocumentsSection data={data} />;
    case 'timeline':
      return <TimelineSection caseId={data.id} />;
    case 'closure':
      return <ClosureSection data={data} />;
    case 'court':
      return <CourtSection data={data} />;
    case 'network':
      return <CaseNetworkSection data={data} />;
    case 'placements':
      return <PlacementsSection data={data} />;
    default:
      return <CaseOverview data={data} />;
  }
}
