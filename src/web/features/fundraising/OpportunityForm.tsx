import { useNavigate } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  OPEN_CREATE_STAGES,
  type TOpportunity,
  ZOpportunityUpdateSchema,
} from '../../../contracts/fundraising.js';
import { useLocale } from '../../i18n/index.js';
import { TextAreaField, TextField } from '../../ui/fields.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { serverFieldError } from '../../ui/forms/server-errors.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useChoices, useOpportunityCreate, useOpportunityUpdate } from './fundraising-api.js';
import { centsToEuro, euroToCents, MoneyField } from './MoneyField.js';
import { SaveOrCancel } from './SaveOrCancel.js';
import { NO_SOURCE, SourceFields } from './SourceFields.js';

const MAX = {
  title: maxLengthOf(ZOpportunityUpdateSchema.shape.title),
  paysFor: maxLengthOf(ZOpportunityUpdateSchema.shape.paysFor),
};

/**
 * An opportunity, new (`opportunity` absent: its funder, stage, amounts in euros, the call's
 * deadline, what it pays for, its owner) or corrected (its funder and stage stay: a stage changes by a move).
 */
export function OpportunityForm({
  opportunity: o,
  onDone,
}: {
  opportunity?: TOpportunity;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const choices = useChoices();
  const create = useOpportunityCreate();
  const update = useOpportunityUpdate(o?.id ?? '');
  const save = o ? update : create;
  const navigate = useNavigate();
  const [source, setSource] = useState(NO_SOURCE);
  const [stage, setStage] = useState<(typeof OPEN_CREATE_STAGES)[number]>('identified');
  const [f, setF] = useState({
    campaignId: o?.campaign?.id ?? '',
    title: o?.title ?? '',
    asked: centsToEuro(o?.askedCents, locale),
    pledged: centsToEuro(o?.pledgedCents, locale),
    deadlineOn: o?.deadlineOn ?? '',
    expectedOn: o?.expectedOn ?? '',
    paysFor: o?.paysFor ?? '',
    ownerId: o?.owner.id ?? '',
  });
  const set = (key: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [key]: e.target.value });
  const c = choices.data;
  const p = o ? `opp-${o.id}` : 'opp';
  const fields = {
    funderId: { label: t('fundraising.field.funder'), id: `${p}-funder` },
    title: { label: t('fundraising.field.title'), id: `${p}-title` },
    askedCents: { label: t('fundraising.field.askedEuro'), id: `${p}-asked` },
    pledgedCents: { label: t('fundraising.field.pledgedEuro'), id: `${p}-pledged` },
    deadlineOn: { label: t('fundraising.field.deadline'), id: `${p}-deadline` },
    expectedOn: { label: t('fundraising.field.expected'), id: `${p}-expected` },
    campaignId: { label: t('fundraising.field.campaign'), id: `${p}-campaign` },
    ownerId: { label: t('fundraising.field.owner'), id: `${p}-owner` },
    paysFor: { label: t('fundraising.field.paysFor'), id: `${p}-pays-for` },
  };
  const errorOf = (field: string) => serverFieldError(save.error, locale, field);
  const field = (name: keyof typeof fields, input: ReactNode) => (
    <div className="col-12 col-md-4">
      <label htmlFor={fields[name].id} className="form-label">
        {fields[name].label}
      </label>
      {input}
    </div>
  );
  const money = (name: 'askedCents' | 'pledgedCents', key: 'asked' | 'pledged') => (
    <MoneyField
      id={fields[name].id}
      label={fields[name].label}
      value={f[key]}
      onChange={(v) => setF({ ...f, [key]: v })}
      required={key === 'asked'}
      error={errorOf(name)}
    />
  );
  const submit = () => {
    const body = {
      campaignId: f.campaignId || null,
      title: f.title,
      askedCents: euroToCents(f.asked) ?? 0,
      pledgedCents: euroToCents(f.pledged),
      deadlineOn: f.deadlineOn || null,
      expectedOn: f.expectedOn || null,
      paysFor: f.paysFor,
      ownerId: f.ownerId,
    };
    if (o) update.mutate(body, { onSuccess: onDone });
    else
      create.mutate(
        { ...body, funderId: source.funderId, stage },
        {
          onSuccess: (saved) => navigate({ to: '/fundraising/opportunities/$id', params: { id: saved.id } }),
        },
      );
  };
  return (
    <form
      noValidate
      className="row g-2 align-items-end"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {!o && <SourceFields idPrefix={p} kind="funder" value={source} onChange={setSource} />}
      <TextField
        id={fields.title.id}
        label={fields.title.label}
        className="col-12 col-md-4"
        required
        maxLength={MAX.title}
        error={errorOf('title')}
        value={f.title}
        onChange={set('title')}
      />
      {!o && (
        <div className="col-12 col-md-4">
          <label htmlFor={`${p}-stage`} className="form-label">
            {t('fundraising.field.stage')}
          </label>
          <select
            id={`${p}-stage`}
            className="form-select"
            value={stage}
            onChange={(e) => setStage(e.target.value as typeof stage)}
          >
            {OPEN_CREATE_STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`fundraising.stage.${s}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {money('askedCents', 'asked')}
      {money('pledgedCents', 'pledged')}
      <TextField
        id={fields.deadlineOn.id}
        label={fields.deadlineOn.label}
        type="date"
        className="col-12 col-md-4"
        error={errorOf('deadlineOn')}
        value={f.deadlineOn}
        onChange={set('deadlineOn')}
      />
      <TextField
        id={fields.expectedOn.id}
        label={fields.expectedOn.label}
        type="date"
        className="col-12 col-md-4"
        error={errorOf('expectedOn')}
        value={f.expectedOn}
        onChange={set('expectedOn')}
      />
      {field(
        'campaignId',
        <select
          id={fields.campaignId.id}
          className="form-select"
          value={f.campaignId}
          onChange={set('campaignId')}
        >
          <option value="">{t('fundraising.none')}</option>
          {(c?.campaigns ?? []).map((x) => (
            <option key={x.id} value={x.id}>
              {x.title}
            </option>
          ))}
        </select>,
      )}
      {field(
        'ownerId',
        <select
          id={fields.ownerId.id}
          className="form-select"
          required
          value={f.ownerId}
          onChange={set('ownerId')}
        >
          <option value="">{t('fundraising.choose')}</option>
          {(c?.owners ?? []).map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>,
      )}
      <TextAreaField
        id={fields.paysFor.id}
        label={fields.paysFor.label}
        className="col-12"
        rows={2}
        required
        maxLength={MAX.paysFor}
        error={errorOf('paysFor')}
        value={f.paysFor}
        onChange={set('paysFor')}
      />
      <SaveOrCancel pending={save.isPending} onCancel={onDone} />
      {save.isError && <ProblemAlert error={save.error} fields={fields} className="col-12 mt-2" />}
    </form>
  );
}
