import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  type THolderDetail,
  ZEngagementInputSchema,
  type ZTimelineItemSchema,
} from '../../../contracts/community.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { FormActions, SelectField, TextAreaField, TextField } from '../../ui/fields.js';
import { formatDay } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { codesOf, maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { todayLocal } from '../../ui/forms/values.js';
import { useEngagementAdd, useTimeline } from './community-api.js';
import { type EngagementValues, engagementToInput } from './community-forms.js';
import { formatEuroCents, formatQuantity, useCommunityWords } from './community-words.js';
import { ResourceForm } from './ResourceForm.js';
import { ResourcesTable } from './ResourcesTable.js';

type TimelineItem = z.output<typeof ZTimelineItemSchema>;
const ENGAGEMENT_KINDS = codesOf(ZEngagementInputSchema.shape.kind);
const resolver = contractResolver<EngagementValues>(ZEngagementInputSchema, engagementToInput);

/**
 * The engagement timeline: meetings and contacts, events organised together and resources offered,
 * newest first; then the resources this holder offered (the lines of the ledger that are its own).
 */
export function TimelineSection({ holder }: { holder: THolderDetail }) {
  const { t } = useTranslation();
  const timeline = useTimeline(holder.id);
  const [editor, setEditor] = useState<'none' | 'engagement' | 'resource'>('none');

  return (
    <>
      <section aria-labelledby="holder-timeline" className="mb-5">
        <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
          <h2 id="holder-timeline" className="h4 mb-0">
            {t('community.timeline.title')}
          </h2>
          {holder.canEdit && editor === 'none' && (
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              onClick={() => setEditor('engagement')}
            >
              {t('community.timeline.add')}
            </button>
          )}
        </div>
        {editor === 'engagement' && (
          <EditorCard id="engagement-new" title={t('community.timeline.add')}>
            <EngagementForm holderId={holder.id} onDone={() => setEditor('none')} />
          </EditorCard>
        )}
        <AsyncContent query={timeline}>
          {(items) =>
            items.length === 0 ? (
              <p>{t('community.timeline.none')}</p>
            ) : (
              <ol className="list-unstyled">
                {items.map((item) => (
                  <TimelineLine key={item.id} item={item} />
                ))}
              </ol>
            )
          }
        </AsyncContent>
      </section>
      <section aria-labelledby="holder-resources" className="mb-5">
        <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
          <h2 id="holder-resources" className="h4 mb-0">
            {t('community.resources.holderTitle')}
          </h2>
          {holder.canEdit && editor === 'none' && (
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              onClick={() => setEditor('resource')}
            >
              {t('community.resources.add')}
            </button>
          )}
        </div>
        {editor === 'resource' && (
          <EditorCard id="resource-new" title={t('community.resources.add')}>
            <ResourceForm holderId={holder.id} onDone={() => setEditor('none')} />
          </EditorCard>
        )}
        <AsyncContent query={timeline}>
          {(items) => {
            const resources = items.flatMap((item) => (item.resource ? [item.resource] : []));
            if (resources.length === 0) return <p>{t('community.resources.noneHere')}</p>;
            return (
              <ResourcesTable
                resources={resources}
                caption={t('community.resources.holderCaption', {
                  name: holder.name,
                  count: resources.length,
                })}
                totalCents={resources.reduce((sum, r) => sum + r.valueCents, 0)}
                showSource={false}
              />
            );
          }}
        </AsyncContent>
      </section>
    </>
  );
}

function TimelineLine({ item }: { item: TimelineItem }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useCommunityWords();
  const resource = item.resource;
  return (
    <li className="border-start border-3 border-primary ps-3 pb-3">
      <p className="mb-1">
        <strong>{formatDay(item.happenedOn, locale)}</strong>
        {' · '}
        {words.word('engagementKind', item.kind)}
      </p>
      {item.summary && (
        <p className="mb-1" style={{ whiteSpace: 'pre-wrap' }}>
          {item.summary}
        </p>
      )}
      {item.eventId && (
        <p className="mb-1">
          <Link to="/community/events/$eventId" params={{ eventId: item.eventId }}>
            {t('community.timeline.eventLink')}
          </Link>
        </p>
      )}
      {resource && (
        <p className="mb-0 small">
          {t('community.timeline.resourceLine', {
            kind: words.word('resourceKind', resource.kind),
            quantity: formatQuantity(resource.quantity, locale),
            unit: words.word('resourceUnit', resource.unit),
            value: formatEuroCents(resource.valueCents, locale),
            rule: words.word('valuationRule', resource.valuationRule),
          })}
        </p>
      )}
    </li>
  );
}

function EngagementForm({ holderId, onDone }: { holderId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useCommunityWords();
  const add = useEngagementAdd(holderId);
  const form = useForm<EngagementValues>({
    resolver,
    defaultValues: { kind: 'meeting', happenedOn: todayLocal(), summary: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      await add.mutateAsync(engagementToInput(values));
      onDone();
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      {add.error && Object.keys(errors).length === 0 ? <ActionProblem error={add.error} /> : null}
      <div className="row">
        <SelectField
          id="engagement-kind"
          className="col-md-6"
          label={t('community.timeline.kind')}
          required
          options={ENGAGEMENT_KINDS.map((kind) => ({
            value: kind,
            label: words.word('engagementKind', kind),
          }))}
          error={fieldErrorText(t, errors.kind)}
          {...form.register('kind')}
        />
        <TextField
          id="engagement-date"
          className="col-md-6"
          type="date"
          label={t('community.timeline.happenedOn')}
          required
          error={fieldErrorText(t, errors.happenedOn)}
          {...form.register('happenedOn')}
        />
      </div>
      <TextAreaField
        id="engagement-summary"
        label={t('community.timeline.summary')}
        hint={t('community.timeline.summaryHint')}
        required
        rows={3}
        maxLength={maxLengthOf(ZEngagementInputSchema.shape.summary)}
        error={fieldErrorText(t, errors.summary)}
        {...form.register('summary')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('community.timeline.create')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
