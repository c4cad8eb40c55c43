import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TCampaign, ZCampaignInputSchema } from '../../../contracts/fundraising.js';
import { useLocale } from '../../i18n/index.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCampaignCreate, useCampaignUpdate } from './fundraising-api.js';
import { centsToEuro, euroToCents, MoneyField } from './MoneyField.js';
import { SaveOrCancel } from './SaveOrCancel.js';

const TITLE_MAX = maxLengthOf(ZCampaignInputSchema.shape.title);

/** A campaign, new (`campaign` absent) or corrected: its title, goal in euros and dates. */
export function CampaignForm({ campaign, onDone }: { campaign?: TCampaign; onDone?: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const create = useCampaignCreate();
  const update = useCampaignUpdate(campaign?.id ?? '');
  const save = campaign ? update : create;
  const empty = { title: '', goal: '', startsOn: '', endsOn: '' };
  const [form, setForm] = useState(
    campaign
      ? {
          title: campaign.title,
          goal: centsToEuro(campaign.goalCents, locale),
          startsOn: campaign.startsOn,
          endsOn: campaign.endsOn,
        }
      : empty,
  );
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const p = campaign ? `campaign-${campaign.id}` : 'campaign';
  const fields = {
    title: { label: t('fundraising.field.title'), id: `${p}-title` },
    goalCents: { label: t('fundraising.field.goalEuro'), id: `${p}-goal` },
    startsOn: { label: t('fundraising.field.startsOn'), id: `${p}-start` },
    endsOn: { label: t('fundraising.field.endsOn'), id: `${p}-end` },
  };
  return (
    <form
      noValidate
      className="row g-2 align-items-end"
      onSubmit={(e) => {
        e.preventDefault();
        const body = {
          title: form.title,
          goalCents: euroToCents(form.goal) ?? 0,
          startsOn: form.startsOn,
          endsOn: form.endsOn,
        };
        if (campaign) update.mutate(body, { onSuccess: onDone });
        else create.mutate(body, { onSuccess: () => setForm(empty) });
      }}
    >
      <div className="col-12 col-md-4">
        <label htmlFor={fields.title.id} className="form-label">
          {fields.title.label}
        </label>
        <input
          type="text"
          id={fields.title.id}
          className="form-control"
          required
          maxLength={TITLE_MAX}
          value={form.title}
          onChange={set('title')}
        />
      </div>
      <MoneyField
        id={fields.goalCents.id}
        label={fields.goalCents.label}
        value={form.goal}
        onChange={(goal) => setForm({ ...form, goal })}
        required
        className="col-12 col-md-2"
      />
      <div className="col-6 col-md-3">
        <label htmlFor={fields.startsOn.id} className="form-label">
          {fields.startsOn.label}
        </label>
        <input
          id={fields.startsOn.id}
          type="date"
          className="form-control"
          required
          value={form.startsOn}
          onChange={set('startsOn')}
        />
      </div>
      <div className="col-6 col-md-3">
        <label htmlFor={fields.endsOn.id} className="form-label">
          {fields.endsOn.label}
        </label>
        <input
          id={fields.endsOn.id}
          type="date"
          className="form-control"
          required
          value={form.endsOn}
          onChange={set('endsOn')}
        />
      </div>
      <SaveOrCancel pending={save.isPending} onCancel={onDone} />
      {save.isError && <ProblemAlert error={save.error} fields={fields} className="col-12 mt-2" />}
    </form>
  );
}
