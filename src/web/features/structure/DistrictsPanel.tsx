import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type TDistrict, ZDistrictCreateSchema } from '../../../contracts/index.js';
import { useCan } from '../../app/session.js';
import { useLocale } from '../../i18n/index.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { FormActions, TextField } from '../../ui/fields.js';
import { EditButton, ListSection } from '../../ui/ListSection.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { applyServerFieldErrors, fieldErrorText } from '../../ui/validation.js';
import { emptyToNull, useDistricts, useStructureSave } from './structure-api.js';

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
  const locale = useLocale();
  const save = useStructureSave('districts');
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(ZDistrictCreateSchema),
    defaultValues: {
      code: district?.code ?? '',
      name: district?.name ?? '',
      managingBody: district?.managingBody ?? null,
    },
  });

  const onSubmit = handleSubmit(async (body) => {
    try {
      await save.mutateAsync({ id: district?.id, body });
      onDone();
    } catch (e) {
      applyServerFieldErrors(e, setError, locale, ['code', 'name', 'managingBody']);
    }
  });

  return (
    <EditorCard
      id="district-editor"
      title={
        district ? t('structure.districts.editTitle', { name: district.name }) : t('structure.districts.new')
      }
    >
      <form onSubmit={onSubmit} noValidate>
        {save.error && !Object.keys(errors).length ? <ProblemAlert error={save.error} /> : null}
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
        <FormActions>
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {t('common.save')}
          </button>
          <button type="button" className="btn btn-outline-secondary" onClick={onDone}>
            {t('common.cancel')}
          </button>
        </FormActions>
      </form>
    </EditorCard>
  );
}
