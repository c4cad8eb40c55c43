import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDistrict, TMunicipality } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { SelectField } from '../../ui/fields.js';
import { formatNumber } from '../../ui/format.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useDistricts, useMunicipalities, useStructureSave } from './structure-api.js';

/** Comuni and the Ambito each belongs to; an administrator can move a comune to another Ambito. */
export function MunicipalitiesPanel({
  districtId,
  onDistrictChange,
}: {
  districtId?: string | undefined;
  onDistrictChange: (districtId: string) => void;
}) {
  const { t } = useTranslation();
  const districts = useDistricts();
  const municipalities = useMunicipalities(districtId);
  const districtOptions = (districts.data ?? []).map((d) => ({ value: d.id, label: d.name }));

  return (
    <section aria-labelledby="municipalities-heading">
      <h2 id="municipalities-heading" className="h4 mb-3">
        {t('structure.municipalities.title')}
      </h2>
      <SelectField
        id="municipalities-district-filter"
        label={t('structure.municipalities.filter')}
        options={districtOptions}
        placeholder={t('structure.municipalities.allDistricts')}
        value={districtId ?? ''}
        onChange={(e) => onDistrictChange(e.target.value)}
        className="col-md-6"
      />
      <AsyncContent query={municipalities}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('structure.municipalities.empty')}</p>
          ) : (
            <MunicipalitiesTable items={items} districts={districts.data ?? []} />
          )
        }
      </AsyncContent>
    </section>
  );
}

function MunicipalitiesTable({ items, districts }: { items: TMunicipality[]; districts: TDistrict[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const canWrite = useCan()('structure.write');
  const districtName = (id: string | null) => districts.find((d) => d.id === id)?.name ?? t('common.none');

  return (
    <DataTable
      className="table-hover"
      caption={t('structure.municipalities.caption', { count: items.length })}
    >
      <thead>
        <tr>
          <th scope="col">{t('structure.municipalities.name')}</th>
          <th scope="col">{t('structure.municipalities.istatCode')}</th>
          <th scope="col">{t('structure.municipalities.cadastralCode')}</th>
          <th scope="col">{t('structure.municipalities.population')}</th>
          <th scope="col">{t('structure.municipalities.district')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((m) => (
          <tr key={m.istatCode}>
            <th scope="row">{m.name}</th>
            <td>{m.istatCode}</td>
            <td>{m.cadastralCode}</td>
            <td>
              {m.population === null
                ? '—'
                : `${formatNumber(m.population, locale)}${m.populationYear ? ` (${m.populationYear})` : ''}`}
            </td>
            <td>
              {canWrite ? (
                <DistrictChanger municipality={m} districts={districts} />
              ) : (
                districtName(m.districtId)
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

function DistrictChanger({
  municipality,
  districts,
}: {
  municipality: TMunicipality;
  districts: TDistrict[];
}) {
  const { t } = useTranslation();
  const save = useStructureSave<{ districtId: string | null }>('municipalities');
  const [value, setValue] = useState(municipality.districtId ?? '');
  const id = `municipality-${municipality.istatCode}-district`;
  const changed = value !== (municipality.districtId ?? '');

  return (
    <div className="d-flex flex-wrap align-items-center gap-2">
      <label htmlFor={id} className="visually-hidden">
        {t('structure.municipalities.districtOf', { name: municipality.name })}
      </label>
      <select
        id={id}
        className="form-select form-select-sm w-auto"
        value={value}
        onChange={(e) => setValue(e.target.value)}
      >
        <option value="">{t('common.none')}</option>
        {districts.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="btn btn-outline-primary btn-xs"
        disabled={!changed || save.isPending}
        aria-label={t('structure.municipalities.saveDistrictOf', { name: municipality.name })}
        onClick={() => save.mutate({ id: municipality.istatCode, body: { districtId: value || null } })}
      >
        {t('common.save')}
      </button>
      {save.error ? <ProblemAlert error={save.error} className="w-100 mb-0" /> : null}
    </div>
  );
}
