import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { formatDay } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { Opener } from './ChangeForm.js';
import { LegacyForm } from './LegacyForm.js';
import { SUSTAINABILITY_REPORT_URL, useLegacy } from './project-plan-api.js';
import { usePlanWords } from './project-plan-words.js';

/**
 * What lasts after the project, by kind, with the counts from the platform and the PDF report;
 * coordinators add items and correct them in place.
 */
export function SustainabilityPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = usePlanWords();
  const legacy = useLegacy();
  return (
    <>
      <PageHeading title={t('projectPlan.legacy.title')} />
      <p>
        <a className="btn btn-primary" href={SUSTAINABILITY_REPORT_URL} download>
          {t('projectPlan.legacy.download')}
        </a>
      </p>
      <AsyncContent query={legacy}>
        {(data) => (
          <>
            <section aria-labelledby="legacy-counts" className="mb-4">
              <h2 id="legacy-counts">
                {t('projectPlan.legacy.counted', { date: formatDay(data.counted.since, locale) })}
              </h2>
              <ul>
                <li>{t('projectPlan.legacy.newServices', { count: data.counted.newServices })}</li>
                <li>{t('projectPlan.legacy.newHolders', { count: data.counted.newHolders })}</li>
              </ul>
            </section>
            {data.canEdit && (
              <div className="mb-4">
                <Opener id="legacy-new" label={t('projectPlan.legacy.add')}>
                  {(close) => <LegacyForm legacy={data} close={close} />}
                </Opener>
              </div>
            )}
            {data.groups.map((g) => (
              <section key={g.kind} aria-labelledby={`legacy-${g.kind}`} className="mb-4">
                <h2 id={`legacy-${g.kind}`}>{words.code('legacy', g.kind)}</h2>
                {g.items.length === 0 ? (
                  <p>{t('projectPlan.plan.none')}</p>
                ) : (
                  <ul className="list-unstyled">
                    {g.items.map((i) => (
                      <li key={i.id} className="card card-body mb-2">
                        <h3 className="h6">{i.title}</h3>
                        {i.description && <p className="mb-1">{i.description}</p>}
                        <p className="mb-0 small">
                          {[
                            i.owner && `${t('projectPlan.legacy.owner')}: ${i.owner.name}`,
                            i.funding && `${t('projectPlan.legacy.funding')}: ${i.funding}`,
                            i.district?.name,
                            i.decision &&
                              t('projectPlan.legacy.decision', {
                                number: i.decision.number,
                                committee: i.decision.committee,
                              }),
                            formatDay(i.recordedOn, locale),
                          ]
                            .filter(Boolean)
                            .join(' · ')}
                        </p>
                        {data.canEdit && (
                          <div className="mt-2">
                            <Opener
                              id={`legacy-open-${i.id}`}
                              label={t('projectPlan.forms.edit')}
                              about={i.title}
                            >
                              {(close) => <LegacyForm legacy={data} item={i} close={close} />}
                            </Opener>
                          </div>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            ))}
          </>
        )}
      </AsyncContent>
    </>
  );
}
