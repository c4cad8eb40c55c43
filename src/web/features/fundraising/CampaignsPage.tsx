import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCampaign } from '../../../contracts/fundraising.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { formatDay } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { formatEuroCents } from '../community/community-words.js';
import { CampaignForm } from './CampaignForm.js';
import { useCampaigns } from './fundraising-api.js';

/** Campaigns: each one's goal and what its opportunities received, as a bar and in words; each editable. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const campaigns = useCampaigns();
  const [editing, setEditing] = useState<TCampaign | null>(null);
  return (
    <>
      <PageHeading title={t('fundraising.campaigns.title')} />
      {editing && (
        <EditorCard id="campaign-edit" title={t('fundraising.campaigns.edit', { title: editing.title })}>
          <CampaignForm key={editing.id} campaign={editing} onDone={() => setEditing(null)} />
        </EditorCard>
      )}
      <AsyncContent query={campaigns}>
        {({ items }) => (
          <ul className="list-unstyled">
            {items.map((c) => (
              <CampaignItem key={c.id} c={c} onEdit={() => setEditing(c)} />
            ))}
          </ul>
        )}
      </AsyncContent>
      <section aria-labelledby="campaign-form-heading">
        <h2 id="campaign-form-heading" className="h4">
          {t('fundraising.campaigns.add')}
        </h2>
        <CampaignForm />
      </section>
    </>
  );
}

function CampaignItem({ c, onEdit }: { c: TCampaign; onEdit: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = t('fundraising.campaigns.progress', {
    received: formatEuroCents(c.receivedCents, locale),
    goal: formatEuroCents(c.goalCents, locale),
    percent: c.percent,
  });
  return (
    <li className="mb-3">
      <div className="d-flex flex-wrap align-items-baseline gap-2">
        <h2 className="h5 mb-1">{c.title}</h2>
        <button
          type="button"
          className="btn btn-outline-primary btn-sm"
          aria-label={t('fundraising.campaigns.edit', { title: c.title })}
          onClick={onEdit}
        >
          {t('fundraising.edit')}
        </button>
      </div>
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
}
