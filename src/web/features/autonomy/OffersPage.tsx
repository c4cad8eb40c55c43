import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TOffer } from '../../../contracts/autonomy.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { FormActions, SelectField } from '../../ui/fields.js';
import { formatDay } from '../../ui/format.js';
import { EditButton } from '../../ui/ListSection.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { useCommunityReference } from '../community/community-words.js';
import { type OfferFilters, useOffers } from './autonomy-catalogue-api.js';
import { formatCost, useCatalogueWords } from './catalogue-words.js';
import { OfferForm } from './OfferForm.js';

/**
 * The partners' modular offers (issue 20, item 1): Italian courses, digital literacy, driving
 * licence, workshops, counselling, internships, with their languages, schedule, places and cost.
 * Everyone who follows autonomy plans reads it; the autonomy workers of the service that keeps an
 * offer add and change it.
 */
export function OffersPage({
  filters,
  onChange,
}: {
  filters: OfferFilters;
  onChange: (next: OfferFilters) => void;
}) {
  const { t } = useTranslation();
  const offers = useOffers(filters);
  const [editing, setEditing] = useState<TOffer | 'new' | null>(null);
  const [notice, setNotice] = useState('');
  const done = (saved: boolean) => {
    setEditing(null);
    if (saved) setNotice(t('autonomyCatalogue.offers.saved'));
  };

  return (
    <>
      <PageHeading title={t('autonomyCatalogue.offers.title')}>
        <p className="mb-2">{t('autonomyCatalogue.offers.intro')}</p>
        {offers.data?.canCreate && editing === null && (
          <button
            type="button"
            className="btn btn-primary btn-sm"
            onClick={() => {
              setNotice('');
              setEditing('new');
            }}
          >
            {t('autonomyCatalogue.offers.add')}
          </button>
        )}
      </PageHeading>
      <p role="status" className={notice ? 'fw-semibold' : 'visually-hidden'}>
        {notice}
      </p>
      {editing && (
        <EditorCard
          id="offer-editor"
          title={
            editing === 'new'
              ? t('autonomyCatalogue.offers.add')
              : t('autonomyCatalogue.offers.editTitle', { title: editing.title })
          }
        >
          <OfferForm
            key={editing === 'new' ? 'new' : editing.id}
            offer={editing === 'new' ? undefined : editing}
            onDone={done}
          />
        </EditorCard>
      )}
      <OfferFiltersForm key={JSON.stringify(filters)} filters={filters} onApply={onChange} />
      <AsyncContent query={offers}>
        {(list) =>
          list.items.length === 0 ? (
            <p role="status">{t('autonomyCatalogue.offers.none')}</p>
          ) : (
            <OffersTable offers={list.items} onEdit={(offer) => setEditing(offer)} />
          )
        }
      </AsyncContent>
    </>
  );
}

function OffersTable({ offers, onEdit }: { offers: TOffer[]; onEdit: (offer: TOffer) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useCatalogueWords();
  const reference = useCommunityReference();
  const editable = offers.some((o) => o.canEdit);
  const when = (o: TOffer) =>
    o.startsOn || o.endsOn
      ? t('autonomyCatalogue.offer.fromTo', {
          from: formatDay(o.startsOn, locale),
          to: formatDay(o.endsOn, locale),
        })
      : '—';
  return (
    <DataTable caption={t('autonomyCatalogue.offers.caption', { count: offers.length })}>
      <thead>
        <tr>
          <th scope="col">{t('autonomyCatalogue.offer.title')}</th>
          <th scope="col">{t('autonomyCatalogue.offer.kindAndTopic')}</th>
          <th scope="col">{t('autonomyCatalogue.offer.provider')}</th>
          <th scope="col">{t('autonomyCatalogue.offer.languages')}</th>
          <th scope="col">{t('autonomyCatalogue.offer.whenWhere')}</th>
          <th scope="col">{t('autonomyCatalogue.offer.places')}</th>
          <th scope="col">{t('autonomyCatalogue.offer.cost')}</th>
          {editable && <th scope="col">{t('common.actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {offers.map((o) => (
          <tr key={o.id}>
            <th scope="row">
              {o.title}
              {!o.active && (
                <span className="badge bg-secondary ms-2">{t('autonomyCatalogue.offer.inactive')}</span>
              )}
              {o.prerequisites && (
                <small className="d-block text-muted">
                  {t('autonomyCatalogue.offer.prerequisitesShort', { text: o.prerequisites })}
                </small>
              )}
            </th>
            <td>
              {words.word('offerKind', o.kind)}
              <small className="d-block">{words.word('offerTopic', o.topic)}</small>
            </td>
            <td>{o.provider.name}</td>
            <td>{o.languages.map(reference.languageName).join(', ') || '—'}</td>
            <td>
              {when(o)}
              {o.schedule && <small className="d-block">{o.schedule}</small>}
              {o.municipalityName && <small className="d-block">{o.municipalityName}</small>}
            </td>
            <td className="text-nowrap">
              {t('autonomyCatalogue.offer.placesTaken', { enrolled: o.enrolled, places: o.places })}
              <small className="d-block">
                {o.enrolled >= o.places
                  ? t('autonomyCatalogue.offer.full')
                  : t('autonomyCatalogue.offer.free', { count: o.places - o.enrolled })}
              </small>
            </td>
            <td className="text-nowrap">
              {formatCost(o.costCents, locale, t('autonomyCatalogue.offer.freeOfCharge'))}
            </td>
            {editable && <td>{o.canEdit && <EditButton name={o.title} onClick={() => onEdit(o)} />}</td>}
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

function OfferFiltersForm({
  filters,
  onApply,
}: {
  filters: OfferFilters;
  onApply: (next: OfferFilters) => void;
}) {
  const { t } = useTranslation();
  const words = useCatalogueWords();
  const reference = useCommunityReference();
  const [kind, setKind] = useState<string>(filters.kind ?? '');
  const [topic, setTopic] = useState<string>(filters.topic ?? '');
  const [language, setLanguage] = useState(filters.language ?? '');
  const [active, setActive] = useState<string>(filters.active ?? 'all');
  function apply(event: FormEvent) {
    event.preventDefault();
    onApply({
      kind: (kind || undefined) as OfferFilters['kind'],
      topic: (topic || undefined) as OfferFilters['topic'],
      language: language || undefined,
      active: active === 'all' ? undefined : (active as OfferFilters['active']),
    });
  }
  return (
    <form onSubmit={apply} className="card card-body mb-4" aria-label={t('autonomyCatalogue.offers.filters')}>
      <div className="row">
        <SelectField
          id="offers-kind"
          className="col-md-3"
          label={t('autonomyCatalogue.offer.kind')}
          placeholder={t('autonomyCatalogue.filters.any')}
          options={words.options('offerKind')}
          value={kind}
          onChange={(e) => setKind(e.target.value)}
        />
        <SelectField
          id="offers-topic"
          className="col-md-3"
          label={t('autonomyCatalogue.offer.topic')}
          placeholder={t('autonomyCatalogue.filters.any')}
          options={words.options('offerTopic')}
          value={topic}
          onChange={(e) => setTopic(e.target.value)}
        />
        <SelectField
          id="offers-language"
          className="col-md-3"
          label={t('autonomyCatalogue.filters.language')}
          placeholder={t('autonomyCatalogue.filters.any')}
          options={reference.languageOptions}
          value={language}
          onChange={(e) => setLanguage(e.target.value)}
        />
        <SelectField
          id="offers-active"
          className="col-md-3"
          label={t('autonomyCatalogue.filters.state')}
          options={[
            { value: 'true', label: t('autonomyCatalogue.filters.activeOnly') },
            { value: 'false', label: t('autonomyCatalogue.filters.inactiveOnly') },
            { value: 'all', label: t('autonomyCatalogue.filters.all') },
          ]}
          value={active}
          onChange={(e) => setActive(e.target.value)}
        />
      </div>
      <FormActions>
        <button type="submit" className="btn btn-primary btn-sm">
          {t('autonomyCatalogue.filters.apply')}
        </button>
      </FormActions>
    </form>
  );
}
