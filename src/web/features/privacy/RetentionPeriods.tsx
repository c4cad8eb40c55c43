import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type TRetentionPolicy, ZRetentionPolicySchema } from '../../../contracts/index.js';
import { api } from '../../api/client.js';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { TextField } from '../../ui/fields.js';
import { formatDateTime } from '../../ui/format.js';
import { serverFieldError } from '../../ui/forms/server-errors.js';

const policiesKey = ['privacy', 'policies'] as const;

/** The periods of every organisation and class; the DPO changes one in its row, within its bounds. */
export function RetentionPeriods() {
  const { t } = useTranslation();
  const policies = useQuery({
    queryKey: policiesKey,
    queryFn: () => api('/api/privacy/retention/policies', { schema: z.array(ZRetentionPolicySchema) }),
  });
  return (
    <section aria-labelledby="periods-heading" className="mb-5">
      <h2 id="periods-heading" className="h4">
        {t('privacy.periods.title')}
      </h2>
      <p>{t('privacy.periods.intro')}</p>
      <AsyncContent query={policies}>{(items) => <PeriodsTable items={items} />}</AsyncContent>
    </section>
  );
}

function PeriodsTable({ items }: { items: TRetentionPolicy[] }) {
  const { t } = useTranslation();
  return (
    <DataTable caption={t('privacy.periods.caption')}>
      <thead>
        <tr>
          <th scope="col">{t('privacy.periods.organisation')}</th>
          <th scope="col">{t('privacy.periods.class')}</th>
          <th scope="col">{t('privacy.periods.from')}</th>
          <th scope="col">{t('privacy.periods.period')}</th>
          <th scope="col">{t('privacy.periods.bounds')}</th>
          <th scope="col">{t('privacy.periods.applied')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((p) => (
          <tr key={`${p.organisationId}-${p.retentionClass}`}>
            <th scope="row">{p.organisation}</th>
            <td>{t(`privacy.classes.${p.retentionClass}`)}</td>
            <td>{t(`privacy.events.${p.event}`)}</td>
            <td>
              <PeriodCell policy={p} />
            </td>
            <td className="text-nowrap">
              {t('privacy.periods.boundsValue', { min: p.minMonths, max: p.maxMonths })}
            </td>
            <td>{p.applied ? t('privacy.periods.appliedYes') : t('privacy.periods.appliedNo')}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

function PeriodCell({ policy }: { policy: TRetentionPolicy }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const can = useCan();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(String(policy.periodMonths));
  const save = useMutation({
    mutationFn: (periodMonths: number) =>
      api(`/api/privacy/retention/policies/${policy.organisationId}/${policy.retentionClass}`, {
        method: 'PUT',
        body: { periodMonths },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: policiesKey });
      setEditing(false);
    },
  });
  const months = t('privacy.periods.months', { count: policy.periodMonths });
  const shown = policy.isDefault ? `${months} ${t('privacy.periods.default')}` : months;
  if (!editing || !can('privacy.manage')) {
    return (
      <>
        <span className="d-block">{shown}</span>
        {policy.updatedBy && policy.updatedAt ? (
          <span className="d-block small text-secondary">
            {t('privacy.periods.setBy', {
              by: policy.updatedBy,
              at: formatDateTime(policy.updatedAt, locale),
            })}
          </span>
        ) : null}
        {can('privacy.manage') && (
          <button
            type="button"
            className="btn btn-outline-primary btn-sm mt-1"
            onClick={() => setEditing(true)}
            aria-label={t('privacy.periods.changeNamed', {
              organisation: policy.organisation,
              class: t(`privacy.classes.${policy.retentionClass}`),
            })}
          >
            {t('privacy.periods.change')}
          </button>
        )}
      </>
    );
  }
  const id = `period-${policy.organisationId}-${policy.retentionClass}`;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(Number(value));
      }}
    >
      <TextField
        id={id}
        type="number"
        min={policy.minMonths}
        max={policy.maxMonths}
        step={1}
        label={t('privacy.periods.monthsLabel')}
        hint={t('privacy.periods.boundsValue', { min: policy.minMonths, max: policy.maxMonths })}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        error={serverFieldError(save.error, locale, 'periodMonths') ?? undefined}
      />
      <div className="d-flex gap-2">
        <button type="submit" className="btn btn-primary btn-sm" disabled={save.isPending}>
          {t('common.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => setEditing(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
