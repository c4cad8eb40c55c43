import { useTranslation } from 'react-i18next';
import { ZResourceRecordSchema } from '../../../contracts/fundraising.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { useCommunityWords } from '../community/community-words.js';
import { useChoices } from './fundraising-api.js';

/** Where money or a resource comes from: a funder of the plan, a community holder, or someone named. */
export type SourceKind = 'funder' | 'community_holder' | 'other';

export interface SourceValue {
  funderId: string;
  holderId: string;
  sourceName: string;
}

export const NO_SOURCE: SourceValue = { funderId: '', holderId: '', sourceName: '' };

/** The body's source fields for a kind: the chosen one, the others null. */
export function sourceBody(kind: SourceKind, v: SourceValue) {
  return {
    funderId: kind === 'funder' ? v.funderId || null : null,
    holderId: kind === 'community_holder' ? v.holderId || null : null,
    sourceName: kind === 'other' ? v.sourceName || null : null,
  };
}

const NAME_MAX = maxLengthOf(ZResourceRecordSchema.shape.sourceName);

/**
 * The one picker a source kind needs: the funders, the registry's active holders (name and kind in
 * words), or the giver's name. Field ids are `<idPrefix>-funder`, `-holder`, `-name`.
 */
export function SourceFields({
  idPrefix,
  kind,
  value,
  onChange,
  nameLabel,
  className = 'col-12 col-md-4',
}: {
  idPrefix: string;
  kind: SourceKind;
  value: SourceValue;
  onChange: (value: SourceValue) => void;
  /** The name field's label when it is not "Name of the giver" (a funder's own name). */
  nameLabel?: string;
  className?: string;
}) {
  const { t } = useTranslation();
  const words = useCommunityWords();
  const choices = useChoices().data;
  const id = `${idPrefix}-${kind === 'funder' ? 'funder' : kind === 'community_holder' ? 'holder' : 'name'}`;
  const set = (key: keyof SourceValue) => (e: { target: { value: string } }) =>
    onChange({ ...value, [key]: e.target.value });
  const holders = choices?.holders ?? [];
  const label =
    kind === 'funder'
      ? t('fundraising.field.funder')
      : kind === 'community_holder'
        ? t('fundraising.field.holder')
        : (nameLabel ?? t('fundraising.field.sourceName'));
  return (
    <div className={className}>
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      {kind === 'funder' && (
        <select id={id} className="form-select" required value={value.funderId} onChange={set('funderId')}>
          <option value="">{t('fundraising.choose')}</option>
          {(choices?.funders ?? []).map((x) => (
            <option key={x.id} value={x.id}>
              {x.active ? x.name : t('fundraising.inactiveName', { name: x.name })}
            </option>
          ))}
        </select>
      )}
      {kind === 'community_holder' && (
        <select id={id} className="form-select" required value={value.holderId} onChange={set('holderId')}>
          <option value="">
            {holders.length ? t('fundraising.choose') : t('fundraising.funders.noHolders')}
          </option>
          {holders.map((h) => (
            <option key={h.id} value={h.id}>
              {t('fundraising.holderOption', { name: h.name, kind: words.holderKind(h.kind) })}
            </option>
          ))}
        </select>
      )}
      {kind === 'other' && (
        <input
          type="text"
          id={id}
          className="form-control"
          required
          maxLength={NAME_MAX}
          value={value.sourceName}
          onChange={set('sourceName')}
        />
      )}
    </div>
  );
}
