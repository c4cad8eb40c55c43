import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TOpportunity } from '../../../contracts/fundraising.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { formatDay } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { formatEuroCents } from '../community/community-words.js';
import { useOpportunity } from './fundraising-api.js';
import { FilesSection } from './OpportunityFiles.js';
import { OpportunityForm } from './OpportunityForm.js';
import { MoveForm } from './OpportunityMoveForm.js';

/**
 * One opportunity: its details (corrected in place, but for its funder and stage), the move to a
 * next stage, its history and documents.
 */
export function OpportunityPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const opportunity = useOpportunity(id);
  const [editing, setEditing] = useState(false);
  return (
    <AsyncContent query={opportunity}>
      {(o) => (
        <>
          <PageHeading title={o.title} />
          {editing ? (
            <EditorCard id="opportunity-edit" title={t('fundraising.opportunity.edit')}>
              <OpportunityForm opportunity={o} onDone={() => setEditing(false)} />
            </EditorCard>
          ) : (
            <>
              <OpportunityFacts o={o} />
              <button type="button" className="btn btn-outline-primary mb-4" onClick={() => setEditing(true)}>
                {t('fundraising.opportunity.edit')}
              </button>
            </>
          )}
          {o.next.length > 0 && <MoveForm key={o.stage} o={o} />}
          <section aria-labelledby="history-heading" className="mb-4">
            <h2 id="history-heading" className="h4">
              {t('fundraising.opportunity.history')}
            </h2>
            <ul>
              {o.moves.map((m) => (
                <li key={`${m.movedAt}-${m.toStage}`}>
                  {t(`fundraising.stage.${m.toStage}`)} — {new Date(m.movedAt).toLocaleDateString()} (
                  {m.movedBy})
                </li>
              ))}
            </ul>
          </section>
          <FilesSection o={o} />
        </>
      )}
    </AsyncContent>
  );
}

function OpportunityFacts({ o }: { o: TOpportunity }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (v: number | null) => (v === null ? '—' : formatEuroCents(v, locale));
  const rows: [string, string][] = [
    [t('fundraising.field.stage'), t(`fundraising.stage.${o.stage}`)],
    [t('fundraising.field.funder'), o.funder.name],
    [t('fundraising.field.campaign'), o.campaign?.title ?? '—'],
    [t('fundraising.field.asked'), money(o.askedCents)],
    [t('fundraising.field.pledged'), money(o.pledgedCents)],
    [t('fundraising.field.received'), money(o.receivedCents)],
    [t('fundraising.field.receivedOn'), formatDay(o.receivedOn, locale)],
    [t('fundraising.field.deadline'), formatDay(o.deadlineOn, locale)],
    [t('fundraising.field.expected'), formatDay(o.expectedOn, locale)],
    [t('fundraising.field.paysFor'), o.paysFor],
    [t('fundraising.field.owner'), o.owner.name],
  ];
  return (
    <dl className="row mb-4">
      {rows.map(([term, value]) => (
        <div key={term} className="col-12 col-md-6 d-flex gap-2">
          <dt>{term}</dt>
          <dd className="mb-1">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
