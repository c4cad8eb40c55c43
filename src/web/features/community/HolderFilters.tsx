import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZHolderListQuerySchema } from '../../../contracts/community.js';
import { CheckboxField, SelectField, TextField } from '../../ui/fields.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import type { HolderFilters as Filters } from './community-api.js';
import { useCommunityReference, useCommunityWords } from './community-words.js';

const shape = ZHolderListQuerySchema.shape;

/** A code from a select, kept only if the contract's filter takes it (else no filter). */
function accepted<K extends 'kind' | 'municipality' | 'community' | 'need'>(key: K, value: string) {
  const parsed = shape[key].safeParse(value || undefined);
  return parsed.success ? (parsed.data as Filters[K]) : undefined;
}

/** The registry's filters: a name, the kind, the comune, the community served, a need, opinion leaders. */
export function HolderFilters({ filters, onApply }: { filters: Filters; onApply: (next: Filters) => void }) {
  const { t } = useTranslation();
  const words = useCommunityWords();
  const reference = useCommunityReference();
  const [q, setQ] = useState(filters.q ?? '');
  const [kind, setKind] = useState<string>(filters.kind ?? '');
  const [municipality, setMunicipality] = useState(filters.municipality ?? '');
  const [community, setCommunity] = useState(filters.community ?? '');
  const [need, setNeed] = useState<string>(filters.need ?? '');
  const [leaders, setLeaders] = useState(filters.opinionLeaders === 'true');

  function apply(event: FormEvent) {
    event.preventDefault();
    onApply({
      q: q.trim() || undefined,
      kind: accepted('kind', kind),
      municipality: accepted('municipality', municipality),
      community: accepted('community', community),
      need: accepted('need', need),
      opinionLeaders: leaders ? 'true' : undefined,
      page: 1,
    });
  }

  return (
    <form onSubmit={apply} aria-label={t('community.holders.filters')} className="mb-3">
      <div className="row">
        <TextField
          id="holders-q"
          className="col-md-6 col-lg-4"
          label={t('community.holders.search')}
          type="search"
          maxLength={maxLengthOf(shape.q)}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <SelectField
          id="holders-kind"
          className="col-md-6 col-lg-4"
          label={t('community.holder.kind')}
          placeholder={t('community.holders.anyKind')}
          options={words.options('holderKind')}
          value={kind}
          onChange={(e) => setKind(e.target.value)}
        />
        <SelectField
          id="holders-municipality"
          className="col-md-6 col-lg-4"
          label={t('community.holder.municipality')}
          placeholder={t('community.holders.anyMunicipality')}
          options={[]}
          groups={reference.municipalityGroups}
          value={municipality}
          onChange={(e) => setMunicipality(e.target.value)}
        />
        <SelectField
          id="holders-community"
          className="col-md-6 col-lg-4"
          label={t('community.holders.community')}
          placeholder={t('community.holders.anyCommunity')}
          options={reference.countryOptions}
          value={community}
          onChange={(e) => setCommunity(e.target.value)}
        />
        <SelectField
          id="holders-need"
          className="col-md-6 col-lg-4"
          label={t('community.holders.need')}
          placeholder={t('community.holders.anyNeed')}
          options={words.options('needTopic')}
          value={need}
          onChange={(e) => setNeed(e.target.value)}
        />
        <div className="col-md-6 col-lg-4 d-flex align-items-end">
          <CheckboxField
            id="holders-leaders"
            label={t('community.holders.opinionLeadersOnly')}
            checked={leaders}
            onChange={(e) => setLeaders(e.target.checked)}
          />
        </div>
      </div>
      <button type="submit" className="btn btn-outline-primary">
        {t('community.holders.apply')}
      </button>
    </form>
  );
}
