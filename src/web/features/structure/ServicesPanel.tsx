import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type TService, ZServiceCreateSchema, ZServiceKindSchema } from '../../../contracts/index.js';
import { useCan } from '../../session/session.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { CheckboxField, SelectField, TextField } from '../../ui/fields.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { EditButton, ListSection } from '../../ui/ListSection.js';
import { Loading } from '../../ui/Loading.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import {
  emptyToNull,
  useDistrictName,
  useDistricts,
  useOrganisations,
  useServices,
} from './structure-api.js';
import { SaveCancel, useStructureForm } from './use-structure-form.js';

/** One form for both cases: `active` only matters when editing, `organisationId` only when creating. */
const ZServiceFormSchema = ZServiceCreateSchema.extend({ active: z.boolean() });

export function ServicesPanel({
  organisationId,
  onOrganisationChange,
}: {
  organisationId?: string | undefined;
  onOrganisationChange: (organisationId: string) => void;
}) {
  const { t } = useTranslation();
  const canWrite = useCan()('structure.write');
  const services = useServices(organisationId);
  const organisations = useOrganisations();
  const [editing, setEditing] = useState<TService | 'new' | null>(null);
  const districtName = useDistrictName();

  return (
    <ListSection
      id="services"
      title={t('structure.services.title')}
      newLabel={canWrite && t('structure.services.new')}
      onNew={() => setEditing('new')}
      query={services}
      empty={t('structure.services.empty')}
      caption={t('structure.services.caption')}
      columns={[
        t('structure.services.name'),
        t('structure.services.kind'),
        t('structure.services.organisation'),
        t('structure.services.district'),
        t('structure.services.status'),
        canWrite && t('common.actions'),
      ]}
      row={(s) => (
        <>
          <th scope="row">{s.name}</th>
          <td>{t(`enums.serviceKind.${s.kind}`)}</td>
          <td>{s.organisationName}</td>
          <td>{districtName(s.districtId)}</td>
          <td>{s.active ? t('structure.services.active') : t('structure.services.inactive')}</td>
          {canWrite && (
            <td>
              <EditButton name={s.name} onClick={() => setEditing(s)} />
            </td>
          )}
        </>
      )}
    >
      <SelectField
        id="services-organisation-filter"
        label={t('structure.services.filter')}
        placeholder={t('structure.services.allOrganisations')}
        options={(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
        value={organisationId ?? ''}
        onChange={(e) => onOrganisationChange(e.target.value)}
        className="col-md-6"
      />
      {editing && (
        <ServiceForm
          key={editing === 'new' ? 'new' : editing.id}
          service={editing === 'new' ? null : editing}
          defaultOrganisationId={organisationId}
          onDone={() => setEditing(null)}
        />
      )}
    </ListSection>
  );
}

function ServiceForm({
  service,
  defaultOrganisationId,
  onDone,
}: {
  service: TService | null;
  defaultOrganisationId?: string | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const districts = useDistricts();
  const {
    register,
    onSubmit,
    problem,
    formState: { errors, isSubmitting },
  } = useStructureForm({
    collection: 'services',
    schema: ZServiceFormSchema,
    id: service?.id,
    defaultValues: {
      organisationId: service?.organisationId ?? defaultOrganisationId ?? '',
      name: service?.name ?? '',
      kind: service?.kind ?? 'other',
      districtId: service?.districtId ?? null,
      active: service?.active ?? true,
    },
    onDone,
    // The update contract is strict: the organisation is fixed and `active` is set only on edit.
    toBody: ({ organisationId, name, kind, districtId, active }) =>
      service ? { name, kind, districtId, active } : { organisationId, name, kind, districtId },
  });

  if (organisations.isPending || districts.isPending) return <Loading />;

  return (
    <EditorCard
      id="service-editor"
      title={
        service ? t('structure.services.editTitle', { name: service.name }) : t('structure.services.new')
      }
    >
      <form onSubmit={onSubmit} noValidate>
        <ProblemAlert error={problem} />
        {service ? (
          // The organisation of a service is fixed; the value stays in the form's defaults.
          <p>
            <span className="fw-semibold">{t('structure.services.organisation')}:</span>{' '}
            {service.organisationName}
          </p>
        ) : (
          <SelectField
            id="service-organisation"
            label={t('structure.services.organisation')}
            required
            placeholder={t('common.choose')}
            options={(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
            error={fieldErrorText(t, errors.organisationId, t('validation.choose'))}
            {...register('organisationId')}
          />
        )}
        <TextField
          id="service-name"
          label={t('structure.services.name')}
          required
          error={fieldErrorText(t, errors.name)}
          {...register('name')}
        />
        <SelectField
          id="service-kind"
          label={t('structure.services.kind')}
          required
          options={ZServiceKindSchema.options.map((k) => ({ value: k, label: t(`enums.serviceKind.${k}`) }))}
          error={fieldErrorText(t, errors.kind)}
          {...register('kind')}
        />
        <SelectField
          id="service-district"
          label={t('structure.services.district')}
          placeholder={t('common.none')}
          options={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          error={fieldErrorText(t, errors.districtId)}
          {...register('districtId', { setValueAs: emptyToNull })}
        />
        {service && (
          <CheckboxField
            id="service-active"
            label={t('structure.services.activeLabel')}
            {...register('active')}
          />
        )}
        <SaveCancel isSubmitting={isSubmitting} onCancel={onDone} />
      </form>
    </EditorCard>
  );
}
