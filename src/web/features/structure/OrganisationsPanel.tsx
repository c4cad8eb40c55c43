import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type TOrganisation,
  ZOrganisationCreateSchema,
  ZOrganisationKindSchema,
} from '../../../contracts/index.js';
import { useCan } from '../../session/session.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { SelectField, TextField } from '../../ui/fields.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { EditButton, ListSection } from '../../ui/ListSection.js';
import { Loading } from '../../ui/Loading.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { emptyToNull, useDistrictName, useDistricts, useOrganisations } from './structure-api.js';
import { SaveCancel, useStructureForm } from './use-structure-form.js';

export function OrganisationsPanel() {
  const { t } = useTranslation();
  const canWrite = useCan()('structure.write');
  const organisations = useOrganisations();
  const [editing, setEditing] = useState<TOrganisation | 'new' | null>(null);
  const districtName = useDistrictName();

  return (
    <ListSection
      id="organisations"
      title={t('structure.organisations.title')}
      newLabel={canWrite && t('structure.organisations.new')}
      onNew={() => setEditing('new')}
      query={organisations}
      empty={t('structure.organisations.empty')}
      caption={t('structure.organisations.caption')}
      columns={[
        t('structure.organisations.name'),
        t('structure.organisations.kind'),
        t('structure.organisations.district'),
        t('structure.organisations.serviceCount'),
        t('common.actions'),
      ]}
      row={(o) => (
        <>
          <th scope="row">{o.name}</th>
          <td>{t(`enums.organisationKind.${o.kind}`)}</td>
          <td>{districtName(o.districtId)}</td>
          <td>{o.serviceCount}</td>
          <td className="d-flex flex-wrap gap-2">
            <Link
              to="/structure/services"
              search={{ organisationId: o.id }}
              aria-label={t('structure.organisations.servicesOf', { name: o.name })}
            >
              {t('structure.organisations.services')}
            </Link>
            {canWrite && <EditButton name={o.name} onClick={() => setEditing(o)} />}
          </td>
        </>
      )}
    >
      {editing && (
        <OrganisationForm
          key={editing === 'new' ? 'new' : editing.id}
          organisation={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
    </ListSection>
  );
}

function OrganisationForm({
  organisation,
  onDone,
}: {
  organisation: TOrganisation | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const districts = useDistricts();
  const {
    register,
    onSubmit,
    problem,
    formState: { errors, isSubmitting },
  } = useStructureForm({
    collection: 'organisations',
    schema: ZOrganisationCreateSchema,
    id: organisation?.id,
    defaultValues: {
      name: organisation?.name ?? '',
      kind: organisation?.kind ?? 'other',
      districtId: organisation?.districtId ?? null,
    },
    onDone,
  });

  // Options must exist before the form registers its values, or the select would show "none".
  if (districts.isPending) return <Loading />;

  return (
    <EditorCard
      id="organisation-editor"
      title={
        organisation
          ? t('structure.organisations.editTitle', { name: organisation.name })
          : t('structure.organisations.new')
      }
    >
      <form onSubmit={onSubmit} noValidate>
        <ProblemAlert error={problem} />
        <TextField
          id="organisation-name"
          label={t('structure.organisations.name')}
          required
          error={fieldErrorText(t, errors.name)}
          {...register('name')}
        />
        <SelectField
          id="organisation-kind"
          label={t('structure.organisations.kind')}
          required
          options={ZOrganisationKindSchema.options.map((k) => ({
            value: k,
            label: t(`enums.organisationKind.${k}`),
          }))}
          error={fieldErrorText(t, errors.kind)}
          {...register('kind')}
        />
        <SelectField
          id="organisation-district"
          label={t('structure.organisations.district')}
          placeholder={t('common.none')}
          options={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          error={fieldErrorText(t, errors.districtId)}
          {...register('districtId', { setValueAs: emptyToNull })}
        />
        <SaveCancel isSubmitting={isSubmitting} onCancel={onDone} />
      </form>
    </EditorCard>
  );
}
