import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunderInput } from '../../../contracts/fundraising.js';
import { FUNDER_KINDS, type TFunderKind } from '../../../contracts/governance-codes.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatDay } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { formatEuroCents } from '../community/community-words.js';
import {
  useCampaignCreate,
  useCampaigns,
  useChoices,
  useFunderCreate,
  useFunders,
} from './fundraising-api.js';

/** Funders and donors, a page at a time (their names and contacts: the list is audited). */
export function FundersPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [page, setPage] = useState(1);
  const funders = useFunders(page);
  return (
    <>
      <PageHeading title={t('fundraising.funders.title')} />
      <FunderForm />
      <AsyncContent query={funders}>
        {(p) => (
          <>
            <DataTable caption={t('fundraising.funders.title')} captionClassName="visually-hidden">
              <thead>
                <tr>
                  <th scope="col">{t('fundraising.field.name')}</th>
                  <th scope="col">{t('fundraising.field.kind')}</th>
                  <th scope="col">{t('fundraising.field.contact')}</th>
                  <th scope="col">{t('fundraising.field.received')}</th>
                </tr>
              </thead>
              <tbody>
                {p.items.map((f) => (
                  <tr key={f.id}>
                    <td>
                      {f.name}
                      {!f.active && <> ({t('fundraising.funders.inactive')})</>}
                    </td>
                    <td>{t(`fundraising.funderKind.${f.kind}`)}</td>
                    <td>{[f.contactName, f.contactEmail].filter(Boolean).join(' · ') || '—'}</td>
                    <td>{formatEuroCents(f.receivedCents, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
            <nav aria-label={t('fundraising.funders.pages')} className="d-flex gap-2">
              <button
                type="button"
                className="btn btn-outline-primary btn-sm"
                disabled={page === 1}
                onClick={() => setPage(page - 1)}
              >
                {t('fundraising.funders.previous')}
              </button>
              <button
                type="button"
                className="btn btn-outline-primary btn-sm"
                disabled={page * p.pageSize >= p.total}
                onClick={() => setPage(page + 1)}
              >
                {t('fundraising.funders.next')}
              </button>
            </nav>
          </>
        )}
      </AsyncContent>
    </>
  );
}

function FunderForm() {
  const { t } = useTranslation();
  const create = useFunderCreate();
  const choices = useChoices();
  const [kind, setKind] = useState<TFunderKind>('foundation');
  const [name, setName] = useState('');
  const [holderId, setHolderId] = useState('');
  const [contactName, setContactName] = useState('');
  const [contactEmail, setContactEmail] = useState('');
  const holders = choices.data?.holders ?? [];
  const submit = () => {
    const body: TFunderInput = {
      kind,
      name: kind === 'community_holder' ? null : name || null,
      holderId: kind === 'community_holder' ? holderId || null : null,
      contactName: contactName || null,
      contactEmail: contactEmail || null,
    };
    create.mutate(body, { onSuccess: () => setName('') });
  };
  return (
    <section aria-labelledby="funder-form-heading" className="mb-4">
      <h2 id="funder-form-heading" className="h4">
        {t('fundraising.funders.add')}
      </h2>
      <form
        className="row g-2 align-items-end"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="col-12 col-md-3">
          <label htmlFor="funder-kind" className="form-label">
            {t('fundraising.field.kind')}
          </label>
          <select
            id="funder-kind"
            className="form-select"
            value={kind}
            onChange={(e) => setKind(e.target.value as TFunderKind)}
          >
            {FUNDER_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`fundraising.funderKind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        {kind === 'community_holder' ? (
          <div className="col-12 col-md-3">
            <label htmlFor="funder-holder" className="form-label">
              {t('fundraising.field.holder')}
            </label>
            <select
              id="funder-holder"
              className="form-select"
              value={holderId}
              onChange={(e) => setHolderId(e.target.value)}
            >
              <option value="">
                {holders.length ? t('fundraising.choose') : t('fundraising.funders.noHolders')}
              </option>
              {holders.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <div className="col-12 col-md-3">
            <label htmlFor="funder-name" className="form-label">
              {t('fundraising.field.name')}
            </label>
            <input
              id="funder-name"
              className="form-control"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </div>
        )}
        <div className="col-12 col-md-3">
          <label htmlFor="funder-contact" className="form-label">
            {t('fundraising.field.contactName')}
          </label>
          <input
            id="funder-contact"
            className="form-control"
            value={contactName}
            onChange={(e) => setContactName(e.target.value)}
          />
        </div>
        <div className="col-12 col-md-3">
          <label htmlFor="funder-email" className="form-label">
            {t('fundraising.field.contactEmail')}
          </label>
          <input
            id="funder-email"
            type="email"
            className="form-control"
            value={contactEmail}
            onChange={(e) => setContactEmail(e.target.value)}
          />
        </div>
        <div className="col-12">
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            {t('fundraising.save')}
          </button>
        </div>
      </form>
      {create.isError && <ProblemAlert error={create.error} className="mt-2" />}
    </section>
  );
}

/** Campaigns: each one's goal and what its opportunities received, as a bar and in words. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const campaigns = useCampaigns();
  const create = useCampaignCreate();
  const [form, setForm] = useState({ title: '', goal: '', startsOn: '', endsOn: '' });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  return (
    <>
      <PageHeading title={t('fundraising.campaigns.title')} />
      <AsyncContent query={campaigns}>
        {({ items }) => (
          <ul className="list-unstyled">
            {items.map((c) => {
              const words = t('fundraising.campaigns.progress', {
                received: formatEuroCents(c.receivedCents, locale),
                goal: formatEuroCents(c.goalCents, locale),
                percent: c.percent,
              });
              return (
                <li key={c.id} className="mb-3">
                  <h2 className="h5 mb-1">{c.title}</h2>
                  <p className="small mb-1">
                    {formatDay(c.startsOn, locale)} – {formatDay(c.endsOn, locale)} · {words}
                  </p>
                  <div
                    className="progress"
                    role="progressbar"
                    aria-label={c.title}
                    aria-valuenow={Math.min(c.percent, 100)}
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuetext={words}
                  >
                    <div className="progress-bar" style={{ width: `${Math.min(c.percent, 100)}%` }} />
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </AsyncContent>
      <section aria-labelledby="campaign-form-heading">
        <h2 id="campaign-form-heading" className="h4">
          {t('fundraising.campaigns.add')}
        </h2>
        <form
          className="row g-2 align-items-end"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate({
              title: form.title,
              goalCents: Math.round(Number(form.goal.replace(',', '.')) * 100),
              startsOn: form.startsOn,
              endsOn: form.endsOn,
            });
          }}
        >
          <div className="col-12 col-md-4">
            <label htmlFor="campaign-title" className="form-label">
              {t('fundraising.field.title')}
            </label>
            <input id="campaign-title" className="form-control" value={form.title} onChange={set('title')} />
          </div>
          <div className="col-12 col-md-2">
            <label htmlFor="campaign-goal" className="form-label">
              {t('fundraising.field.goalEuro')}
            </label>
            <input
              id="campaign-goal"
              className="form-control"
              inputMode="decimal"
              value={form.goal}
              onChange={set('goal')}
            />
          </div>
          <div className="col-6 col-md-3">
            <label htmlFor="campaign-start" className="form-label">
              {t('fundraising.field.startsOn')}
            </label>
            <input
              id="campaign-start"
              type="date"
              className="form-control"
              value={form.startsOn}
              onChange={set('startsOn')}
            />
          </div>
          <div className="col-6 col-md-3">
            <label htmlFor="campaign-end" className="form-label">
              {t('fundraising.field.endsOn')}
            </label>
            <input
              id="campaign-end"
              type="date"
              className="form-control"
              value={form.endsOn}
              onChange={set('endsOn')}
            />
          </div>
          <div className="col-12">
            <button type="submit" className="btn btn-primary" disabled={create.isPending}>
              {t('fundraising.save')}
            </button>
          </div>
        </form>
        {create.isError && <ProblemAlert error={create.error} className="mt-2" />}
      </section>
    </>
  );
}
