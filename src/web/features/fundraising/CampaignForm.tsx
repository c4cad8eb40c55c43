import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TCampaign, ZCampaignInputSchema } from '../../../contracts/fundraising.js';
import { useLocale } from '../../i18n/index.js';
import { TextField } from '../../ui/fields.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { serverFieldError } from '../../ui/forms/server-errors.js';
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
  const errorOf = (field: string) => serverFieldError(save.error, locale, field);
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
      <TextField
        id={fields.title.id}
        label={fields.title.label}
        className="col-12 col-md-4"
        required
        maxLength={TITLE_MAX}
        error={errorOf('title')}
        value={form.title}
        onChange={set('title')}
      />
      <MoneyField
        id={fields.goalCents.id}
        label={fields.goalCents.label}
        value={form.goal}
        onChange={(goal) => setForm({ ...form, goal })}
        required
        error={errorOf('goalCents')}
        className="col-12 col-md-2"
      />
      <TextField
        id={fields.startsOn.id}
        label={fields.startsOn.label}
        type="date"
        className="col-6 col-md-3"
        required
        error={errorOf('startsOn')}
        value={form.startsOn}
        onChange={set('startsOn')}
      />
      <TextField
        id={fields.endsOn.id}
        label={fields.endsOn.label}
        type="date"
        className="col-6 col-md-3"
        required
        error={errorOf('endsOn')}
        value={form.endsOn}
        onChange={set('endsOn')}
      />
      <SaveOrCancel pending={save.isPending} onCancel={onDone} />
      {save.isError && <ProblemAlert error={save.error} fields={fields} className="col-12 mt-2" />}
    </form>
  );
}
