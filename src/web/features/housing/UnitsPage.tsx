import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TUnit } from '../../../contracts/housing.js';
import { useCan } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { useUnits } from './housing-api.js';
import { UnitForm } from './UnitForms.js';

/** The housing team's protected apartments as cards (never the address); a coordinator adds one. */
export function UnitsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const units = useUnits();
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeading title={t('housing.units.title')}>
        <p className="mb-2">{t('housing.units.intro')}</p>
        <div className="d-flex flex-wrap gap-2">
          {can('housing.manage') && !creating && (
            <button type="button" className="btn btn-primary btn-sm" onClick={() => setCreating(true)}>
              {t('housing.units.new')}
            </button>
          )}
          {can('housing.address') && (
            <Link to="/housing/address-requests" className="btn btn-outline-primary btn-sm">
              {t('housing.units.requestsLink')}
            </Link>
          )}
        </div>
      </PageHeading>
      {creating && (
        <EditorCard id="unit-create" title={t('housing.units.newTitle')}>
          <UnitForm
            onDone={(unit) => {
              setCreating(false);
              if (unit) void navigate({ to: '/housing/units/$unitId', params: { unitId: unit.id } });
            }}
          />
        </EditorCard>
      )}
      <AsyncContent query={units}>
        {(items) =>
          items.length === 0 ? (
            <p role="status">{t('housing.units.empty')}</p>
          ) : (
            <ul
              className="list-unstyled row g-3"
              aria-label={t('housing.units.listLabel', { count: items.length })}
            >
              {items.map((unit) => (
                <li key={unit.id} className="col-12 col-md-6 col-xl-4">
                  <UnitCard unit={unit} />
                </li>
              ))}
            </ul>
          )
        }
      </AsyncContent>
    </>
  );
}

function UnitCard({ unit }: { unit: TUnit }) {
  const { t } = useTranslation();
  const free = Math.max(unit.capacity - unit.occupiedToday, 0);
  return (
    <article className="card shadow-sm h-100 p-3" aria-labelledby={`unit-card-${unit.id}`}>
      <h2 id={`unit-card-${unit.id}`} className="h5 mb-2">
        <Link to="/housing/units/$unitId" params={{ unitId: unit.id }}>
          {unit.label}
        </Link>
        {!unit.active && <span className="badge bg-secondary ms-2">{t('housing.unit.inactive')}</span>}
      </h2>
      <dl className="mb-0">
        <dt>{t('housing.unit.district')}</dt>
        <dd>{unit.district.name}</dd>
        <dt>{t('housing.unit.occupancy')}</dt>
        <dd>
          {t('housing.unit.occupancyValue', { occupied: unit.occupiedToday, capacity: unit.capacity, free })}
        </dd>
        <dt>{t('housing.unit.accessibility')}</dt>
        <dd>
          {unit.accessibility.length === 0
            ? t('housing.unit.accessibilityNone')
            : unit.accessibility.map((a) => t(`housing.accessibility.${a}`)).join(', ')}
        </dd>
        <dt>{t('housing.unit.organisation')}</dt>
        <dd className="mb-0">{unit.managingOrganisation.name}</dd>
      </dl>
    </article>
  );
}
