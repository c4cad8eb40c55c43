import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatDay } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { formatEuroCents } from '../community/community-words.js';
import { useLedger } from './fundraising-api.js';
import { ResourceForm } from './ResourceForm.js';
import { RateSection } from './VolunteerRateSection.js';

/**
 * The complementary-resources ledger (issue 21, item 6): every source's lines for a period with
 * totals by kind and by source, the form to record one, and the volunteer-hour rate (coordinators set it).
 */
export function ResourcesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const year = new Date().getFullYear();
  const [period, setPeriod] = useState({ from: `${year}-01-01`, to: `${year}-12-31` });
  const ledger = useLedger(period);
  return (
    <>
      <PageHeading title={t('fundraising.resources.title')}>
        <p className="mb-2">{t('fundraising.resources.intro')}</p>
      </PageHeading>
      <form className="row g-2 mb-3" aria-label={t('fundraising.resources.period')}>
        <div className="col-6 col-md-3">
          <label htmlFor="period-from" className="form-label">
            {t('fundraising.field.from')}
          </label>
          <input
            id="period-from"
            type="date"
            className="form-control"
            value={period.from}
            onChange={(e) => setPeriod({ ...period, from: e.target.value })}
          />
        </div>
        <div className="col-6 col-md-3">
          <label htmlFor="period-to" className="form-label">
            {t('fundraising.field.to')}
          </label>
          <input
            id="period-to"
            type="date"
            className="form-control"
            value={period.to}
            onChange={(e) => setPeriod({ ...period, to: e.target.value })}
          />
        </div>
      </form>
      <AsyncContent query={ledger}>
        {(l) => (
          <>
            <p className="fw-semibold">
              {t('fundraising.resources.total', { total: formatEuroCents(l.totalValueCents, locale) })}
            </p>
            <div className="row">
              <section className="col-12 col-md-6" aria-labelledby="by-kind">
                <h2 id="by-kind" className="h5">
                  {t('fundraising.resources.byKind')}
                </h2>
                <ul>
                  {l.byKind.map((k) => (
                    <li key={k.kind}>
                      {t(`fundraising.resourceKind.${k.kind}`)}: {formatEuroCents(k.valueCents, locale)}
                    </li>
                  ))}
                </ul>
              </section>
              <section className="col-12 col-md-6" aria-labelledby="by-source">
                <h2 id="by-source" className="h5">
                  {t('fundraising.resources.bySource')}
                </h2>
                <ul>
                  {l.bySourceKind.map((s) => (
                    <li key={s.sourceKind}>
                      {t(`fundraising.sourceKind.${s.sourceKind}`)}: {formatEuroCents(s.valueCents, locale)}
                    </li>
                  ))}
                </ul>
              </section>
            </div>
            <DataTable caption={t('fundraising.resources.lines')}>
              <thead>
                <tr>
                  <th scope="col">{t('fundraising.field.offeredOn')}</th>
                  <th scope="col">{t('fundraising.field.source')}</th>
                  <th scope="col">{t('fundraising.field.resourceKind')}</th>
                  <th scope="col">{t('fundraising.field.description')}</th>
                  <th scope="col">{t('fundraising.field.quantity')}</th>
                  <th scope="col">{t('fundraising.field.value')}</th>
                </tr>
              </thead>
              <tbody>
                {l.items.map((r) => (
                  <tr key={r.id}>
                    <td>{formatDay(r.offeredOn, locale)}</td>
                    <td>
                      {r.sourceName} ({t(`fundraising.sourceKind.${r.sourceKind}`)})
                    </td>
                    <td>{t(`fundraising.resourceKind.${r.kind}`)}</td>
                    <td>{r.description}</td>
                    <td>
                      {r.quantity.toLocaleString(locale === 'it' ? 'it-IT' : 'en-GB')}{' '}
                      {t(`fundraising.unit.${r.unit}`)}
                    </td>
                    <td>
                      {formatEuroCents(r.valueCents, locale)} ({t(`fundraising.rule.${r.valuationRule}`)})
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </>
        )}
      </AsyncContent>
      <ResourceForm />
      <RateSection />
    </>
  );
}
