import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  RESOURCE_KINDS,
  RESOURCE_SOURCE_KINDS,
  RESOURCE_UNITS,
  VALUATION_RULES,
} from '../../../contracts/community-codes.js';
import { type TResourceRecord, ZResourceRecordSchema } from '../../../contracts/fundraising.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useResourceRecord } from './fundraising-api.js';
import { euroToCents, MoneyField } from './MoneyField.js';
import { NO_SOURCE, SourceFields, type SourceKind, sourceBody } from './SourceFields.js';

type Kind = (typeof RESOURCE_KINDS)[number];
const DESCRIPTION_MAX = maxLengthOf(ZResourceRecordSchema.shape.description);

/**
 * Records a complementary resource: who gave it (a funder, a community holder of the registry, or
 * someone named), what, how much and its value. Volunteer hours are valued by the server.
 */
export function ResourceForm() {
  const { t } = useTranslation();
  const record = useResourceRecord();
  const [sourceKind, setSourceKind] = useState<SourceKind>('funder');
  const [source, setSource] = useState(NO_SOURCE);
  const [f, setF] = useState({
    kind: 'room' as Kind,
    description: '',
    quantity: '',
    unit: 'days' as TResourceRecord['unit'],
    value: '',
    rule: 'market_rent' as NonNullable<TResourceRecord['valuationRule']>,
    offeredOn: '',
  });
  const set = (key: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [key]: e.target.value });
  const volunteer = f.kind === 'volunteer_hours';
  const fields = {
    sourceKind: { label: t('fundraising.field.sourceKind'), id: 'res-source-kind' },
    funderId: { label: t('fundraising.field.funder'), id: 'res-funder' },
    holderId: { label: t('fundraising.field.holder'), id: 'res-holder' },
    sourceName: { label: t('fundraising.field.sourceName'), id: 'res-name' },
    kind: { label: t('fundraising.field.resourceKind'), id: 'res-kind' },
    description: { label: t('fundraising.field.description'), id: 'res-description' },
    quantity: { label: t('fundraising.field.quantity'), id: 'res-quantity' },
    unit: { label: t('fundraising.field.unit'), id: 'res-unit' },
    valueCents: { label: t('fundraising.field.valueEuro'), id: 'res-value' },
    valuationRule: { label: t('fundraising.field.rule'), id: 'res-rule' },
    offeredOn: { label: t('fundraising.field.offeredOn'), id: 'res-date' },
  };
  const field = (name: keyof typeof fields, input: ReactNode, cls = 'col-12 col-md-4') => (
    <div className={cls}>
      <label htmlFor={fields[name].id} className="form-label">
        {fields[name].label}
      </label>
      {input}
    </div>
  );
  return (
    <section aria-labelledby="record-heading" className="mb-4">
      <h2 id="record-heading" className="h4">
        {t('fundraising.resources.record')}
      </h2>
      <form
        noValidate
        className="row g-2 align-items-end"
        onSubmit={(e) => {
          e.preventDefault();
          record.mutate({
            sourceKind,
            ...sourceBody(sourceKind, source),
            kind: f.kind,
            description: f.description,
            quantity: Number(f.quantity.replace(',', '.')),
            unit: volunteer ? 'hours' : f.unit,
            valueCents: volunteer ? null : euroToCents(f.value),
            valuationRule: volunteer ? null : f.rule,
            offeredOn: f.offeredOn,
          });
        }}
      >
        {field(
          'sourceKind',
          <select
            id={fields.sourceKind.id}
            className="form-select"
            value={sourceKind}
            onChange={(e) => setSourceKind(e.target.value as SourceKind)}
          >
            {RESOURCE_SOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`fundraising.sourceKind.${k}`)}
              </option>
            ))}
          </select>,
        )}
        <SourceFields idPrefix="res" kind={sourceKind} value={source} onChange={setSource} />
        {field(
          'kind',
          <select id={fields.kind.id} className="form-select" value={f.kind} onChange={set('kind')}>
            {RESOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`fundraising.resourceKind.${k}`)}
              </option>
            ))}
          </select>,
        )}
        {field(
          'description',
          <input
            type="text"
            id={fields.description.id}
            className="form-control"
            required
            maxLength={DESCRIPTION_MAX}
            value={f.description}
            onChange={set('description')}
          />,
        )}
        {field(
          'quantity',
          <input
            type="text"
            id={fields.quantity.id}
            className="form-control"
            inputMode="decimal"
            required
            value={f.quantity}
            onChange={set('quantity')}
          />,
          'col-6 col-md-2',
        )}
        {!volunteer &&
          field(
            'unit',
            <select id={fields.unit.id} className="form-select" value={f.unit} onChange={set('unit')}>
              {RESOURCE_UNITS.map((u) => (
                <option key={u} value={u}>
                  {t(`fundraising.unit.${u}`)}
                </option>
              ))}
            </select>,
            'col-6 col-md-2',
          )}
        {!volunteer && (
          <MoneyField
            id={fields.valueCents.id}
            label={fields.valueCents.label}
            value={f.value}
            onChange={(value) => setF({ ...f, value })}
            required
            className="col-6 col-md-2"
          />
        )}
        {!volunteer &&
          field(
            'valuationRule',
            <select
              id={fields.valuationRule.id}
              className="form-select"
              value={f.rule}
              onChange={set('rule')}
            >
              {VALUATION_RULES.filter((r) => r !== 'volunteer_hour_rate').map((r) => (
                <option key={r} value={r}>
                  {t(`fundraising.rule.${r}`)}
                </option>
              ))}
            </select>,
          )}
        {field(
          'offeredOn',
          <input
            id={fields.offeredOn.id}
            type="date"
            className="form-control"
            required
            value={f.offeredOn}
            onChange={set('offeredOn')}
          />,
          'col-6 col-md-2',
        )}
        {volunteer && <p className="col-12 small mb-0">{t('fundraising.resources.volunteerNote')}</p>}
        <div className="col-12">
          <button type="submit" className="btn btn-primary" disabled={record.isPending}>
            {t('fundraising.save')}
          </button>
        </div>
      </form>
      {record.isSuccess && <p role="status">{t('fundraising.resources.recorded')}</p>}
      {record.isError && <ProblemAlert error={record.error} fields={fields} className="mt-2" />}
    </section>
  );
}
