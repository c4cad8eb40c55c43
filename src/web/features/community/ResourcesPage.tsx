import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZResourceListQuerySchema } from '../../../contracts/community.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { SelectField, TextField } from '../../ui/fields.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { HOLDER_CHOICE_SIZE, type ResourceFilters, useHolders, useResources } from './community-api.js';
import { formatEuroCents, useCommunityWords } from './community-words.js';
import { ResourceForm } from './ResourceForm.js';
import { ResourcesTable } from './ResourcesTable.js';

const shape = ZResourceListQuerySchema.shape;
const accept = <K extends keyof typeof shape>(key: K, value: string) => {
  const parsed = shape[key].safeParse(value || undefined);
  return parsed.success ? (parsed.data as ResourceFilters[K]) : undefined;
};

/**
 * The complementary-resources ledger: what the territory gave (rooms, volunteer hours, money,
 * goods, services), each line valued by a stated rule; the total and the total by kind are what
 * the impact module counts.
 */
export function ResourcesPage({
  filters,
  onChange,
}: {
  filters: ResourceFilters;
  onChange: (next: ResourceFilters) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useCommunityWords();
  const resources = useResources(filters);
  const holders = useHolders({}, HOLDER_CHOICE_SIZE);
  const [adding, setAdding] = useState(false);
  const holderOptions = (holders.data?.items ?? [])
    .map((h) => ({ value: h.id, label: `${h.name} (${h.municipalityName})` }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  const editor = (holders.data?.items ?? []).some((h) => h.canEdit);

  return (
    <>
      <p>
        <Link to="/community">{t('community.detail.back')}</Link>
      </p>
      <PageHeading title={t('community.resources.title')}>
        <p className="mb-2">{t('community.resources.intro')}</p>
        {editor && !adding && (
          <button type="button" className="btn btn-primary btn-sm" onClick={() => setAdding(true)}>
            {t('community.resources.add')}
          </button>
        )}
      </PageHeading>
      {adding && (
        <EditorCard id="resource-new" title={t('community.resources.add')}>
          <ResourceForm holders={holderOptions} onDone={() => setAdding(false)} />
        </EditorCard>
      )}
      <ResourceFiltersForm
        key={JSON.stringify(filters)}
        filters={filters}
        holders={holderOptions}
        onApply={onChange}
      />
      <AsyncContent query={resources}>
        {(ledger) =>
          ledger.items.length === 0 ? (
            <p role="status">{t('community.resources.none')}</p>
          ) : (
            <>
              <h2 className="h4">{t('community.resources.byKindTitle')}</h2>
              <DataTable caption={t('community.resources.byKindCaption')}>
                <thead>
                  <tr>
                    <th scope="col">{t('community.resource.kind')}</th>
                    <th scope="col">{t('community.resource.value')}</th>
                  </tr>
                </thead>
                <tbody>
                  {ledger.byKind.map((line) => (
                    <tr key={line.kind}>
                      <th scope="row">{words.word('resourceKind', line.kind)}</th>
                      <td className="text-nowrap">{formatEuroCents(line.valueCents, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
              <h2 className="h4 mt-4">{t('community.resources.linesTitle')}</h2>
              <ResourcesTable
                resources={ledger.items}
                caption={t('community.resources.caption', { count: ledger.items.length })}
                totalCents={ledger.totalValueCents}
                showSource
              />
            </>
          )
        }
      </AsyncContent>
    </>
  );
}

function ResourceFiltersForm({
  filters,
  holders,
  onApply,
}: {
  filters: ResourceFilters;
  holders: { value: string; label: string }[];
  onApply: (next: ResourceFilters) => void;
}) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(filters.from ?? '');
  const [to, setTo] = useState(filters.to ?? '');
  const [holderId, setHolderId] = useState(filters.holderId ?? '');
  function apply(event: FormEvent) {
    event.preventDefault();
    onApply({ from: accept('from', from), to: accept('to', to), holderId: accept('holderId', holderId) });
  }
  return (
    <form onSubmit={apply} aria-label={t('community.resources.filters')} className="mb-4">
      <div className="row">
        <TextField
          id="resources-from"
          className="col-md-4"
          type="date"
          label={t('community.resources.from')}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <TextField
          id="resources-to"
          className="col-md-4"
          type="date"
          label={t('community.resources.to')}
          value={to}
          onChange={(e) => setTo(e.target.value)}
        />
        <SelectField
          id="resources-holder"
          className="col-md-4"
          label={t('community.resource.holder')}
          placeholder={t('community.resources.anyHolder')}
          options={holders}
          value={holderId}
          onChange={(e) => setHolderId(e.target.value)}
        />
      </div>
      <button type="submit" className="btn btn-outline-primary">
        {t('community.holders.apply')}
      </button>
    </form>
  );
}
