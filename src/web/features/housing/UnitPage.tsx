import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TUnit } from '../../../contracts/housing.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { NotFoundNotice } from '../../ui/NotFoundNotice.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { housingKeys, useUnit } from './housing-api.js';
import { StaysSection } from './StaysSection.js';
import { AddressChangeForm, UnitAddress } from './UnitAddress.js';
import { UnitForm } from './UnitForms.js';

/** One protected apartment: its facts, its address (revealed in place), its stays. */
export function UnitPage({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const unit = useUnit(unitId);
  return (
    <AsyncContent
      query={unit}
      notFound={
        <>
          <PageHeading title={t('housing.unit.notFoundTitle')} />
          <NotFoundNotice />
        </>
      }
    >
      {(data) => <UnitView unit={data} />}
    </AsyncContent>
  );
}

function UnitView({ unit }: { unit: TUnit }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [changingAddress, setChangingAddress] = useState(false);
  const [notice, setNotice] = useState('');

  return (
    <>
      <PageHeading title={unit.label}>
        <p className="mb-0">
          <Link to="/housing">{t('housing.unit.back')}</Link>
        </p>
      </PageHeading>
      <Facts>
        <Fact label={t('housing.unit.status')}>
          {unit.active ? t('housing.unit.active') : t('housing.unit.inactive')}
        </Fact>
        <Fact label={t('housing.unit.district')}>{unit.district.name}</Fact>
        <Fact label={t('housing.unit.organisation')}>{unit.managingOrganisation.name}</Fact>
        <Fact label={t('housing.unit.occupancy')}>
          {t('housing.unit.occupancyValue', {
            occupied: unit.occupiedToday,
            capacity: unit.capacity,
            free: Math.max(unit.capacity - unit.occupiedToday, 0),
          })}
        </Fact>
        <Fact label={t('housing.unit.accessibility')}>
          {unit.accessibility.length === 0
            ? t('housing.unit.accessibilityNone')
            : unit.accessibility.map((a) => t(`housing.accessibility.${a}`)).join(', ')}
        </Fact>
        <Fact label={t('housing.unit.notes')}>{unit.notes ?? '—'}</Fact>
      </Facts>
      <p role="status" className={notice ? 'my-3 fw-semibold' : 'visually-hidden'}>
        {notice}
      </p>
      {unit.canManage && !editing && (
        <button
          type="button"
          className="btn btn-outline-primary btn-sm mb-4"
          onClick={() => {
            setNotice('');
            setEditing(true);
          }}
        >
          {t('housing.unit.edit')}
        </button>
      )}
      {editing && (
        <EditorCard id="unit-edit" title={t('housing.unit.editTitle', { unit: unit.label })}>
          <UnitForm
            unit={unit}
            onDone={(saved) => {
              setEditing(false);
              if (saved) setNotice(t('housing.unit.saved'));
            }}
          />
        </EditorCard>
      )}

      <section aria-labelledby="unit-address-title" className="mb-5">
        <h2 id="unit-address-title" className="h4">
          {t('housing.address.title')}
        </h2>
        {unit.addressAccess === 'request' ? (
          <>
            <p>{t('housing.address.requestNeeded')}</p>
            <Link
              to="/housing/units/$unitId/ask"
              params={{ unitId: unit.id }}
              className="btn btn-outline-primary btn-sm"
            >
              {t('housing.address.ask')}
            </Link>
          </>
        ) : (
          <>
            {unit.addressAccess === 'approved_request' && <p>{t('housing.address.approvedOnce')}</p>}
            <UnitAddress
              unitId={unit.id}
              unitLabel={unit.label}
              // An approved request is used up once seen: the page learns it when the address is hidden.
              onClosed={() => void queryClient.invalidateQueries({ queryKey: housingKeys.unit(unit.id) })}
            />
          </>
        )}
        {unit.canManage && unit.addressAccess === 'reveal' && !changingAddress && (
          <button
            type="button"
            className="btn btn-outline-secondary btn-sm mt-3"
            onClick={() => {
              setNotice('');
              setChangingAddress(true);
            }}
          >
            {t('housing.address.change')}
          </button>
        )}
        {changingAddress && (
          <EditorCard id="unit-address-change" title={t('housing.address.changeTitle', { unit: unit.label })}>
            <AddressChangeForm
              unitId={unit.id}
              onDone={(saved) => {
                setChangingAddress(false);
                if (saved) setNotice(t('housing.address.changed'));
              }}
            />
          </EditorCard>
        )}
      </section>

      <StaysSection unit={unit} />
    </>
  );
}
