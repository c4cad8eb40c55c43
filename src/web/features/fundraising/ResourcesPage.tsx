import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  RESOURCE_KINDS,
  RESOURCE_SOURCE_KINDS,
  RESOURCE_UNITS,
  VALUATION_RULES,
} from '../../../contracts/community-codes.js';
import type { TResourceRecord } from '../../../contracts/fundraising.js';
import { GOVERNANCE_LIMITS } from '../../../contracts/governance-codes.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatDay } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { formatEuroCents } from '../community/community-words.js';
import {
  useChoices,
  useLedger,
  useRateSave,
  useResourceRecord,
  useVolunteerRate,
} from './fundraising-api.js';

type Kind = (typeof RESOURCE_KINDS)[number];

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
      <RecordForm />
      <RateSection />
    </>
  );
}

function RecordForm() {
  const { t } = useTranslation();
  const record = useResourceRecord();
  const choices = useChoices();
  const [f, setF] = useState({
    sourceKind: 'funder' as TResourceRecord['sourceKind'],
    funderId: '',
    holderId: '',
    sourceName: '',
    kind: 'room' as Kind,
    description: '',
    quantity: '',
    unit: 'days' as TResourceRecord['unit'],
    value: '',
    rule: 'market_rent' as NonNullable<TResourceRecord['valuationRule']>,
    offeredOn: '',
  });
  const set = (key: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [key]: e.target.value });
  const volunteer = f.kind === 'volunteer_hours';
  const field = (id: string, label: string, input: React.ReactNode, cls = 'col-12 col-md-4') => (
    <div className={cls}>
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      {input}
    </div>
  );
  return (
    <section aria-labelledby="record-heading" className="mb-4">
      <h2 id="record-heading" className="h4">
        {t('fundraising.resources.record')}
      </h2>
      <form
        className="row g-2 align-items-end"
        onSubmit={(e) => {
          e.preventDefault();
          record.mutate({
            sourceKind: f.sourceKind,
            funderId: f.sourceKind === 'funder' ? f.funderId || null : null,
            holderId: f.sourceKind === 'community_holder' ? f.holderId || null : null,
            sourceName: f.sourceKind === 'other' ? f.sourceName || null : null,
            kind: f.kind,
            description: f.description,
            quantity: Number(f.quantity.replace(',', '.')),
            unit: volunteer ? 'hours' : f.unit,
            valueCents:
              volunteer || f.value === '' ? null : Math.round(Number(f.value.replace(',', '.')) * 100),
            valuationRule: volunteer ? null : f.rule,
            offeredOn: f.offeredOn,
          });
        }}
      >
        {field(
          'res-source-kind',
          t('fundraising.field.sourceKind'),
          <select
            id="res-source-kind"
            className="form-select"
            value={f.sourceKind}
            onChange={set('sourceKind')}
          >
            {RESOURCE_SOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`fundraising.sourceKind.${k}`)}
              </option>
            ))}
          </select>,
        )}
        {f.sourceKind === 'funder' &&
          field(
            'res-funder',
            t('fundraising.field.funder'),
            <select id="res-funder" className="form-select" value={f.funderId} onChange={set('funderId')}>
              <option value="">{t('fundraising.choose')}</option>
              {(choices.data?.funders ?? []).map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>,
          )}
        {f.sourceKind === 'community_holder' &&
          field(
            'res-holder',
            t('fundraising.field.holder'),
            <select id="res-holder" className="form-select" value={f.holderId} onChange={set('holderId')}>
              <option value="">{t('fundraising.choose')}</option>
              {(choices.data?.holders ?? []).map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>,
          )}
        {f.sourceKind === 'other' &&
          field(
            'res-name',
            t('fundraising.field.sourceName'),
            <input
              id="res-name"
              className="form-control"
              value={f.sourceName}
              onChange={set('sourceName')}
            />,
          )}
        {field(
          'res-kind',
          t('fundraising.field.resourceKind'),
          <select id="res-kind" className="form-select" value={f.kind} onChange={set('kind')}>
            {RESOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`fundraising.resourceKind.${k}`)}
              </option>
            ))}
          </select>,
        )}
        {field(
          'res-description',
          t('fundraising.field.description'),
          <input
            id="res-description"
            className="form-control"
            value={f.description}
            onChange={set('description')}
          />,
        )}
        {field(
          'res-quantity',
          t('fundraising.field.quantity'),
          <input
            id="res-quantity"
            className="form-control"
            inputMode="decimal"
            value={f.quantity}
            onChange={set('quantity')}
          />,
          'col-6 col-md-2',
        )}
        {!volunteer &&
          field(
            'res-unit',
            t('fundraising.field.unit'),
            <select id="res-unit" className="form-select" value={f.unit} onChange={set('unit')}>
              {RESOURCE_UNITS.map((u) => (
                <option key={u} value={u}>
                  {t(`fundraising.unit.${u}`)}
                </option>
              ))}
            </select>,
            'col-6 col-md-2',
          )}
        {!volunteer &&
          field(
            'res-value',
            t('fundraising.field.valueEuro'),
            <input
              id="res-value"
              className="form-control"
              inputMode="decimal"
              value={f.value}
              onChange={set('value')}
            />,
            'col-6 col-md-2',
          )}
        {!volunteer &&
          field(
            'res-rule',
            t('fundraising.field.rule'),
            <select id="res-rule" className="form-select" value={f.rule} onChange={set('rule')}>
              {VALUATION_RULES.filter((r) => r !== 'volunteer_hour_rate').map((r) => (
                <option key={r} value={r}>
                  {t(`fundraising.rule.${r}`)}
                </option>
              ))}
            </select>,
          )}
        {field(
          'res-date',
          t('fundraising.field.offeredOn'),
          <input
            id="res-date"
            type="date"
            className="form-control"
            value={f.offeredOn}
            onChange={set('offeredOn')}
          />,
          'col-6 col-md-2',
        )}
        {volunteer && <p className="col-12 small mb-0">{t('fundraising.resources.volunteerNote')}</p>}
        <div className="col-12">
          <button type="submit" className="btn btn-primary" disabled={record.isPending}>
            {t('fundraising.save')}
          </button>
        </div>
      </form>
      {record.isSuccess && <p role="status">{t('fundraising.resources.recorded')}</p>}
      {record.isError && <ProblemAlert error={record.error} className="mt-2" />}
    </section>
  );
}

function RateSection() {
  const { t } = useTranslation();
  const locale = useLocale();
  const rate = useVolunteerRate();
  const save = useRateSave();
  const [euro, setEuro] = useState('');
  const [reason, setReason] = useState('');
  return (
    <AsyncContent query={rate}>
      {(r) => (
        <section aria-labelledby="rate-heading">
          <h2 id="rate-heading" className="h4">
            {t('fundraising.rate.title')}
          </h2>
          <p>{t('fundraising.rate.current', { rate: formatEuroCents(r.volunteerHourCents, locale) })}</p>
          {r.canEdit && (
            <form
              className="row g-2 align-items-end"
              onSubmit={(e) => {
                e.preventDefault();
                save.mutate({ volunteerHourCents: Math.round(Number(euro.replace(',', '.')) * 100), reason });
              }}
            >
              <div className="col-6 col-md-3">
                <label htmlFor="rate-euro" className="form-label">
                  {t('fundraising.rate.new')}
                </label>
                <input
                  id="rate-euro"
                  className="form-control"
                  inputMode="decimal"
                  value={euro}
                  onChange={(e) => setEuro(e.target.value)}
                />
              </div>
              <div className="col-12 col-md-4">
                <label htmlFor="rate-reason" className="form-label">
                  {t('fundraising.rate.reason')}
                </label>
                <input
                  id="rate-reason"
                  className="form-control"
                  required
                  maxLength={GOVERNANCE_LIMITS.reason}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                />
              </div>
              <div className="col-6 col-md-3">
                <button type="submit" className="btn btn-primary" disabled={save.isPending}>
                  {t('fundraising.save')}
                </button>
              </div>
            </form>
          )}
          {save.isError && <ProblemAlert error={save.error} className="mt-2" />}
        </section>
      )}
    </AsyncContent>
  );
}
