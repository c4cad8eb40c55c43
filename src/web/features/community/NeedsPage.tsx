import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZNeedListQuerySchema } from '../../../contracts/community.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { SelectField } from '../../ui/fields.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { type NeedFilters, useNeeds } from './community-api.js';
import { useCommunityReference, useCommunityWords } from './community-words.js';
import { NeedsList } from './NeedsList.js';
import { ReferenceLoaded } from './ReferenceLoaded.js';

const shape = ZNeedListQuerySchema.shape;
const accept = <K extends keyof typeof shape>(key: K, value: string) => {
  const parsed = shape[key].safeParse(value || undefined);
  return parsed.success ? (parsed.data as NeedFilters[K]) : undefined;
};

/** What each community asked for, and what was answered: the needs of every holder, by community. */
export function NeedsPage({
  filters,
  onChange,
}: {
  filters: NeedFilters;
  onChange: (next: NeedFilters) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p>
        <Link to="/community">{t('community.detail.back')}</Link>
      </p>
      <PageHeading title={t('community.needs.title')}>
        <p className="mb-0">{t('community.needs.intro')}</p>
      </PageHeading>
      <ReferenceLoaded>
        {() => (
          <>
            <NeedFiltersForm key={JSON.stringify(filters)} filters={filters} onApply={onChange} />
            <NeedsByCommunity filters={filters} />
          </>
        )}
      </ReferenceLoaded>
    </>
  );
}

function NeedFiltersForm({
  filters,
  onApply,
}: {
  filters: NeedFilters;
  onApply: (next: NeedFilters) => void;
}) {
  const { t } = useTranslation();
  const words = useCommunityWords();
  const reference = useCommunityReference();
  const [topic, setTopic] = useState<string>(filters.topic ?? '');
  const [community, setCommunity] = useState(filters.community ?? '');
  const [answered, setAnswered] = useState<string>(filters.answered ?? '');
  function apply(event: FormEvent) {
    event.preventDefault();
    onApply({
      topic: accept('topic', topic),
      community: accept('community', community),
      answered: accept('answered', answered),
    });
  }
  return (
    <form onSubmit={apply} aria-label={t('community.needs.filters')} className="mb-4">
      <div className="row">
        <SelectField
          id="needs-topic"
          className="col-md-4"
          label={t('community.need.topic')}
          placeholder={t('community.holders.anyNeed')}
          options={words.options('needTopic')}
          value={topic}
          onChange={(e) => setTopic(e.target.value)}
        />
        <SelectField
          id="needs-community"
          className="col-md-4"
          label={t('community.need.community')}
          placeholder={t('community.holders.anyCommunity')}
          options={reference.countryOptions}
          value={community}
          onChange={(e) => setCommunity(e.target.value)}
        />
        <SelectField
          id="needs-answered"
          className="col-md-4"
          label={t('community.needs.answeredFilter')}
          placeholder={t('community.needs.answeredAny')}
          options={[
            { value: 'false', label: t('community.needs.answeredFalse') },
            { value: 'true', label: t('community.needs.answeredTrue') },
          ]}
          value={answered}
          onChange={(e) => setAnswered(e.target.value)}
        />
      </div>
      <button type="submit" className="btn btn-outline-primary">
        {t('community.holders.apply')}
      </button>
    </form>
  );
}

function NeedsByCommunity({ filters }: { filters: NeedFilters }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const reference = useCommunityReference();
  const needs = useNeeds(filters);
  return (
    <AsyncContent query={needs}>
      {(items) => {
        if (items.length === 0) return <p role="status">{t('community.needs.none')}</p>;
        // One group per community, by name; needs heard from no community in particular last.
        const groups = new Map<string, typeof items>();
        for (const need of items)
          groups.set(need.community ?? '', [...(groups.get(need.community ?? '') ?? []), need]);
        const ordered = [...groups.entries()]
          .map(([code, list]) => ({
            code,
            name: code ? reference.countryName(code) : t('community.need.anyCommunity'),
            list,
          }))
          .sort((a, b) => (a.code === '' ? 1 : b.code === '' ? -1 : a.name.localeCompare(b.name, locale)));
        return (
          <>
            <p role="status">{t('community.needs.count', { count: items.length })}</p>
            {ordered.map((group) => (
              <section
                key={group.code || 'none'}
                aria-labelledby={`needs-${group.code || 'none'}`}
                className="mb-4"
              >
                <h2 id={`needs-${group.code || 'none'}`} className="h4">
                  {group.name}
                </h2>
                <p className="small">
                  {t('community.needs.groupSummary', {
                    count: group.list.length,
                    answered: group.list.filter((n) => n.answer).length,
                  })}
                </p>
                <NeedsList needs={group.list} headingLevel="h3" showHolder canAnswer={false} />
              </section>
            ))}
          </>
        );
      }}
    </AsyncContent>
  );
}
