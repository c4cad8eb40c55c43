import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TOpportunitySummary } from '../../../contracts/fundraising.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { formatDay } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { formatEuroCents } from '../community/community-words.js';
import { usePipeline } from './fundraising-api.js';
import { OpportunityForm } from './OpportunityForm.js';

/**
 * The pipeline (issue 21, item 5): a column per stage on wide screens, the same sections one under
 * the other on a phone; the totals, the conversion and the calls' deadlines to come.
 */
export function PipelinePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const pipeline = usePipeline();
  return (
    <>
      <PageHeading title={t('fundraising.pipeline.title')}>
        <p className="mb-2">{t('fundraising.pipeline.intro')}</p>
      </PageHeading>
      <AsyncContent query={pipeline}>
        {(p) => (
          <>
            <p>
              {p.conversion.rate === null
                ? t('fundraising.pipeline.noConversion')
                : t('fundraising.pipeline.conversion', {
                    rate: Math.round(p.conversion.rate * 100),
                    received: p.conversion.received,
                    lost: p.conversion.lost,
                  })}
            </p>
            <section aria-labelledby="deadlines-heading" className="mb-4">
              <h2 id="deadlines-heading" className="h4">
                {t('fundraising.pipeline.deadlines')}
              </h2>
              {p.deadlines.length === 0 ? (
                <p>{t('fundraising.pipeline.noDeadlines')}</p>
              ) : (
                <ul>
                  {p.deadlines.map((o) => (
                    <li key={o.id}>
                      <Link to="/fundraising/opportunities/$id" params={{ id: o.id }}>
                        {o.title}
                      </Link>{' '}
                      — {o.funder.name},{' '}
                      {t('fundraising.deadlineOn', { day: formatDay(o.deadlineOn, locale) })}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <div className="row row-cols-1 row-cols-lg-3 row-cols-xxl-6 g-3">
              {p.stages.map((s) => (
                <section key={s.stage} className="col" aria-labelledby={`stage-${s.stage}`}>
                  <div className="border rounded p-2 h-100">
                    <h2 id={`stage-${s.stage}`} className="h5">
                      {t(`fundraising.stage.${s.stage}`)} ({s.count})
                    </h2>
                    <p className="small mb-2">
                      {t('fundraising.pipeline.sums', {
                        asked: formatEuroCents(s.askedCents, locale),
                        pledged: formatEuroCents(s.pledgedCents, locale),
                        received: formatEuroCents(s.receivedCents, locale),
                      })}
                    </p>
                    <ul className="list-unstyled mb-0">
                      {s.items.map((o) => (
                        <OpportunityItem key={o.id} o={o} />
                      ))}
                    </ul>
                  </div>
                </section>
              ))}
            </div>
          </>
        )}
      </AsyncContent>
      <section aria-labelledby="opportunity-form-heading" className="mb-4">
        <h2 id="opportunity-form-heading" className="h4">
          {t('fundraising.opportunity.add')}
        </h2>
        <OpportunityForm />
      </section>
    </>
  );
}

function OpportunityItem({ o }: { o: TOpportunitySummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const amount = o.receivedCents ?? o.pledgedCents ?? o.askedCents;
  return (
    <li className="mb-2">
      <Link to="/fundraising/opportunities/$id" params={{ id: o.id }}>
        {o.title}
      </Link>
      <div className="small">
        {o.funder.name} · {formatEuroCents(amount, locale)}
        {o.deadlineOn && <> · {t('fundraising.deadlineOn', { day: formatDay(o.deadlineOn, locale) })}</>}
      </div>
    </li>
  );
}
