import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TDistrict, ZDistrictCreateSchema } from '../../../contracts/index.js';
import { useCan } from '../../session/session.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { TextField } from '../../ui/fields.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { EditButton, ListSection } from '../../ui/ListSection.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { emptyToNull, useDistricts } from './structure-api.js';
import { SaveCancel, useStructureForm } from './use-structure-form.js';

export function DistrictsPanel() {
  const { t } = useTranslation();
  const can = useCan();
  const districts = useDistricts();
  const [editing, setEditing] = useState<TDistrict | 'new' | null>(null);
  const canWrite = can('structure.write');

  return (
    <ListSection
      id="districts"
      title={t('structure.districts.title')}
      newLabel={canWrite && t('structure.districts.new')}
      onNew={() => setEditing('new')}
      query={districts}
      empty={t('structure.districts.empty')}
      caption={t('structure.districts.caption')}
      columns={[
        t('structure.districts.code'),
        t('structure.districts.name'),
        t('structure.districts.managingBody'),
        t('structure.districts.municipalityCount'),
        canWrite && t('common.actions'),
      ]}
      row={(d) => (
        <>
          <td>{d.code}</td>
          <th scope="row">{d.name}</th>
          <td>{d.managingBody ?? '—'}</td>
          <td>{d.municipalityCount}</td>
          {canWrite && (
            <td>
              <EditButton name={d.name} onClick={() => setEditing(d)} />
            </td>
          )}
        </>
      )}
    >
      {editing && (
        <DistrictForm
          key={editing === 'new' ? 'new' : editing.id}
          district={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
    </ListSection>
  );
}

function DistrictForm({ district, onDone }: { district: TDistrict | null; onDone: () => void }) {
  const { t } = useTranslation();
  const {
    register,
    onSubmit,
    problem,
    formState: { errors, isSubmitting },
  } = useStructureForm({
    collection: 'districts',
    schema: ZDistrictCreateSchema,
    id: district?.id,
    defaultValues: {
      code: district?.code ?? '',
      name: district?.name ?? '',
      managingBody: district?.managingBody ?? null,
    },
    onDone,
  });

  return (
    <EditorCard
      id="district-editor"
      title={
        district ? t('structure.districts.editTitle', { name: district.name }) : t('structure.districts.new')
      }
    >
      <form onSubmit={onSubmit} noValidate>
        <ProblemAlert error={problem} />
        <TextField
          id="district-code"
          label={t('structure.districts.code')}
          hint={t('structure.districts.codeHint')}
          required
          error={fieldErrorText(t, errors.code, t('structure.districts.codeHint'))}
          {...register('code')}
        />
        <TextField
          id="district-name"
          label={t('structure.districts.name')}
          required
          error={fieldErrorText(t, errors.name)}
          {...register('name')}
        />
        <TextField
          id="district-managing-body"
          label={t('structure.districts.managingBody')}
          error={fieldErrorText(t, errors.managingBody)}
          {...register('managingBody', { setValueAs: emptyToNull })}
        />
        <SaveCancel isSubmitting={isSubmitting} onCancel={onDone} />
      </form>
    </EditorCard>
  );
}
