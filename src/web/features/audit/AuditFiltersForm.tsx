import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_RECORD_TYPES, AUDIT_RESULTS, ZAuditQuerySchema } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { SelectField, TextField } from '../../ui/fields.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import {
  type AuditFilters,
  useActorSuggestions,
  useAuditActions,
  useRecordSuggestions,
} from './audit-api.js';
import { parseAuditSearch } from './audit-search.js';
import { inLocale, recordTypeText } from './audit-words.js';
import { SuggestField } from './SuggestField.js';

const { actor, code } = ZAuditQuerySchema.shape;

/** The DPO's filters, all in words: a name, a record's code, actions and record types from lists. */
export function AuditFiltersForm({
  filters,
  onChange,
}: {
  filters: AuditFilters;
  onChange: (next: AuditFilters) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [draft, setDraft] = useState<AuditFilters>(filters);
  const actions = useAuditActions();
  const actors = useActorSuggestions(draft.actor ?? '');
  const records = useRecordSuggestions(draft.code ?? '');
  const set = (name: keyof AuditFilters, value: string) => setDraft({ ...draft, [name]: value || undefined });

  function apply(event: FormEvent) {
    event.preventDefault();
    onChange(parseAuditSearch({ ...draft, page: undefined }));
  }

  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, locale);
  return (
    <form onSubmit={apply} className="row g-3">
      <div className="col-md-6 col-lg-4">
        <SuggestField
          id="audit-actor"
          label={t('audit.fields.actor')}
          hint={t('audit.filters.actorHint')}
          value={draft.actor ?? ''}
          maxLength={maxLengthOf(actor)}
          suggestions={(actors.data ?? []).map((u) => ({ value: u.name }))}
          onChange={(e) => set('actor', e.target.value)}
        />
      </div>
      <div className="col-md-6 col-lg-4">
        <SuggestField
          id="audit-code"
          label={t('audit.fields.code')}
          hint={t('audit.filters.codeHint')}
          value={draft.code ?? ''}
          maxLength={maxLengthOf(code)}
          suggestions={(records.data ?? []).map((r) => ({
            value: r.code,
            label: r.name ? `${recordTypeText(t, r.type)}: ${r.name}` : recordTypeText(t, r.type),
          }))}
          onChange={(e) => set('code', e.target.value)}
        />
      </div>
      <div className="col-md-6 col-lg-4">
        <SelectField
          id="audit-record-type"
          label={t('audit.fields.recordType')}
          placeholder={t('audit.filters.anyRecordType')}
          options={AUDIT_RECORD_TYPES.map((type) => ({ value: type, label: recordTypeText(t, type) })).sort(
            byLabel,
          )}
          value={draft.recordType ?? ''}
          onChange={(e) => set('recordType', e.target.value)}
        />
      </div>
      <div className="col-md-6 col-lg-4">
        <SelectField
          id="audit-action"
          label={t('audit.fields.action')}
          placeholder={t('audit.filters.anyAction')}
          options={(actions.data ?? [])
            .map((a) => ({ value: a.action, label: inLocale(a.label, locale) }))
            .sort(byLabel)}
          value={draft.action ?? ''}
          onChange={(e) => set('action', e.target.value)}
        />
      </div>
      <div className="col-md-4 col-lg-4">
        <SelectField
          id="audit-result"
          label={t('audit.fields.result')}
          placeholder={t('audit.filters.anyResult')}
          options={AUDIT_RESULTS.map((r) => ({ value: r, label: t(`audit.results.${r}`) }))}
          value={draft.result ?? ''}
          onChange={(e) => set('result', e.target.value)}
        />
      </div>
      <div className="col-md-4 col-lg-2">
        <TextField
          id="audit-from"
          type="date"
          label={t('audit.fields.from')}
          value={draft.from ?? ''}
          onChange={(e) => set('from', e.target.value)}
        />
      </div>
      <div className="col-md-4 col-lg-2">
        <TextField
          id="audit-to"
          type="date"
          label={t('audit.fields.to')}
          value={draft.to ?? ''}
          onChange={(e) => set('to', e.target.value)}
        />
      </div>
      <div className="col-12 d-flex flex-wrap gap-2">
        <button type="submit" className="btn btn-primary">
          {t('audit.filters.apply')}
        </button>
        <button
          type="button"
          className="btn btn-outline-secondary"
          onClick={() => {
            setDraft({});
            onChange({});
          }}
        >
          {t('audit.filters.reset')}
        </button>
      </div>
    </form>
  );
}
