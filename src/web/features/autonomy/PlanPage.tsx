import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TPlan } from '../../../contracts/autonomy.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatDay } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { usePlan } from './autonomy-api.js';
import { PlanEnrolmentsSection } from './PlanEnrolmentsSection.js';
import { PlanExitSection } from './PlanExitSection.js';
import { PlanGoalsSection } from './PlanGoalsSection.js';
import { PlanHeader } from './PlanHeader.js';
import { PlanMeetingsSection } from './PlanMeetingsSection.js';
import { PlanPlacementsSection } from './PlanPlacementsSection.js';
import { PlanSkillsSection } from './PlanSkillsSection.js';

/** An autonomy plan: who, the tutor and the review, goals and steps, meetings, offers, work, housing, exit. */
export function PlanPage({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const plan = usePlan(planId);
  return (
    <AsyncContent
      query={plan}
      notFound={
        <>
          <PageHeading title={t('autonomy.plan.notFoundTitle')} />
          <p>{t('autonomy.plan.notFound')}</p>
          <Link to="/autonomy">{t('autonomy.plan.backToList')}</Link>
        </>
      }
    >
      {(p) => (
        <>
          <PageHeading
            title={t('autonomy.plan.title', { name: p.person.name })}
            documentTitle={t('autonomy.plan.documentTitle', { code: p.code })}
          >
            <p className="mb-0">
              <Link to="/autonomy">{t('autonomy.plan.backToList')}</Link>
            </p>
          </PageHeading>
          <PlanHeader plan={p} />
          <PlanGoalsSection plan={p} />
          <PlanMeetingsSection plan={p} />
          <PlanEnrolmentsSection plan={p} />
          <PlanSkillsSection plan={p} />
          <PlanPlacementsSection plan={p} />
          <PlanHousingSection plan={p} />
          <PlanExitSection plan={p} />
        </>
      )}
    </AsyncContent>
  );
}

/** The household's stays in protected apartments: district and dates, never the address. */
function PlanHousingSection({ plan }: { plan: TPlan }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section aria-labelledby="plan-housing-heading" className="mb-5">
      <h2 id="plan-housing-heading" className="h4">
        {t('autonomy.housing.title')}
      </h2>
      {plan.housing.length === 0 ? (
        <p>{t('autonomy.housing.none')}</p>
      ) : (
        <>
          <p className="small">{t('autonomy.housing.addressNote')}</p>
          <DataTable caption={t('autonomy.housing.caption', { count: plan.housing.length })}>
            <thead>
              <tr>
                <th scope="col">{t('autonomy.housing.unit')}</th>
                <th scope="col">{t('autonomy.housing.district')}</th>
                <th scope="col">{t('autonomy.housing.startsOn')}</th>
                <th scope="col">{t('autonomy.housing.endsOn')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.housing.map((h) => (
                <tr key={`${h.unitId}-${h.startsOn}`}>
                  <th scope="row">{h.unitLabel}</th>
                  <td>{h.district}</td>
                  <td>{formatDay(h.startsOn, locale)}</td>
                  <td>{h.endsOn ? formatDay(h.endsOn, locale) : t('autonomy.housing.ongoing')}</td>
                  <td>
                    <Link
                      to="/housing/units/$unitId/ask"
                      params={{ unitId: h.unitId }}
                      aria-label={t('autonomy.housing.askNamed', { unit: h.unitLabel })}
                    >
                      {t('autonomy.housing.ask')}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </>
      )}
    </section>
  );
}
