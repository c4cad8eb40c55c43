import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPEN_CREATE_STAGES } from '../../../contracts/fundraising.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useChoices, useOpportunityCreate } from './fundraising-api.js';

const euroToCents = (v: string) => (v.trim() === '' ? null : Math.round(Number(v.replace(',', '.')) * 100));

/** A new opportunity: its funder (required), amounts in euros, the call's deadline, what it pays for, its owner. */
export function OpportunityForm() {
  const { t } = useTranslation();
  const choices = useChoices();
  const create = useOpportunityCreate();
  const navigate = useNavigate();
  const [f, setF] = useState({
    funderId: '',
    campaignId: '',
    title: '',
    stage: 'identified' as (typeof OPEN_CREATE_STAGES)[number],
    asked: '',
    pledged: '',
    deadlineOn: '',
    expectedOn: '',
    paysFor: '',
    ownerId: '',
  });
  const set = (key: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [key]: e.target.value });
  const c = choices.data;
  const field = (id: string, label: string, input: React.ReactNode) => (
    <div className="col-12 col-md-4">
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      {input}
    </div>
  );
  return (
    <section aria-labelledby="opportunity-form-heading" className="mb-4">
      <h2 id="opportunity-form-heading" className="h4">
        {t('fundraising.opportunity.add')}
      </h2>
      <form
        className="row g-2 align-items-end"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            {
              funderId: f.funderId,
              campaignId: f.campaignId || null,
              title: f.title,
              stage: f.stage,
              askedCents: euroToCents(f.asked) ?? 0,
              pledgedCents: euroToCents(f.pledged),
              deadlineOn: f.deadlineOn || null,
              expectedOn: f.expectedOn || null,
              paysFor: f.paysFor,
              ownerId: f.ownerId,
            },
            { onSuccess: (o) => navigate({ to: '/fundraising/opportunities/$id', params: { id: o.id } }) },
          );
        }}
      >
        {field(
          'opp-funder',
          t('fundraising.field.funder'),
          <select id="opp-funder" className="form-select" value={f.funderId} onChange={set('funderId')}>
            <option value="">{t('fundraising.choose')}</option>
            {(c?.funders ?? []).map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>,
        )}
        {field(
          'opp-title',
          t('fundraising.field.title'),
          <input id="opp-title" className="form-control" value={f.title} onChange={set('title')} />,
        )}
        {field(
          'opp-stage',
          t('fundraising.field.stage'),
          <select id="opp-stage" className="form-select" value={f.stage} onChange={set('stage')}>
            {OPEN_CREATE_STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`fundraising.stage.${s}`)}
              </option>
            ))}
          </select>,
        )}
        {field(
          'opp-asked',
          t('fundraising.field.askedEuro'),
          <input
            id="opp-asked"
            className="form-control"
            inputMode="decimal"
            value={f.asked}
            onChange={set('asked')}
          />,
        )}
        {field(
          'opp-pledged',
          t('fundraising.field.pledgedEuro'),
          <input
            id="opp-pledged"
            className="form-control"
            inputMode="decimal"
            value={f.pledged}
            onChange={set('pledged')}
          />,
        )}
        {field(
          'opp-deadline',
          t('fundraising.field.deadline'),
          <input
            id="opp-deadline"
            type="date"
            className="form-control"
            value={f.deadlineOn}
            onChange={set('deadlineOn')}
          />,
        )}
        {field(
          'opp-expected',
          t('fundraising.field.expected'),
          <input
            id="opp-expected"
            type="date"
            className="form-control"
            value={f.expectedOn}
            onChange={set('expectedOn')}
          />,
        )}
        {field(
          'opp-campaign',
          t('fundraising.field.campaign'),
          <select id="opp-campaign" className="form-select" value={f.campaignId} onChange={set('campaignId')}>
            <option value="">{t('fundraising.none')}</option>
            {(c?.campaigns ?? []).map((x) => (
              <option key={x.id} value={x.id}>
                {x.title}
              </option>
            ))}
          </select>,
        )}
        {field(
          'opp-owner',
          t('fundraising.field.owner'),
          <select id="opp-owner" className="form-select" value={f.ownerId} onChange={set('ownerId')}>
            <option value="">{t('fundraising.choose')}</option>
            {(c?.owners ?? []).map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>,
        )}
        <div className="col-12">
          <label htmlFor="opp-pays-for" className="form-label">
            {t('fundraising.field.paysFor')}
          </label>
          <textarea
            id="opp-pays-for"
            className="form-control"
            rows={2}
            value={f.paysFor}
            onChange={set('paysFor')}
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
