import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PLACEMENT_KINDS, ZPlacementCreateSchema, ZPlacementVisitSchema } from '../../../contracts/tutela.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, SelectField, TextAreaField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import type { OrderOption } from '../households/FamilyNetworkSection.js';
import {
  emptyPlacement,
  emptyVisit,
  type PlacementValues,
  placementResolver,
  placementToInput,
  type VisitValues,
  visitResolver,
  visitToInput,
} from './placement-forms.js';
import { usePlacementMutations } from './placements-api.js';

const FIELDS = ZPlacementCreateSchema.shape;

/** A new placement of one of the case's people: kind, provider, start, the order, the address. */
export function PlacementCreateForm({
  caseId,
  people,
  orders,
  onDone,
}: {
  caseId: string;
  people: { value: string; label: string }[];
  orders: OrderOption[];
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { create } = usePlacementMutations(caseId);
  const form = useForm<PlacementValues>({
    resolver: placementResolver,
    // One person in the case: already chosen.
    defaultValues: emptyPlacement(people.length === 1 ? people[0]?.value : ''),
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await create.mutateAsync(ZPlacementCreateSchema.parse(placementToInput(values)));
      onDone(true);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      {create.error && Object.keys(errors).length === 0 ? <ActionProblem error={create.error} /> : null}
      <div className="row">
        <SelectField
          id="placement-person"
          className="col-md-6"
          label={t('family.placements.person')}
          hint={t('family.placements.personHint')}
          placeholder={t('common.choose')}
          options={people}
          required
          error={fieldErrorText(t, errors.personId)}
          {...form.register('personId')}
        />
        <SelectField
          id="placement-kind"
          className="col-md-6"
          label={t('family.placements.kind')}
          placeholder={t('common.choose')}
          options={PLACEMENT_KINDS.map((k) => ({ value: k, label: t(`enums.placementKind.${k}`) }))}
          required
          error={fieldErrorText(t, errors.kind)}
          {...form.register('kind')}
        />
      </div>
      <div className="row">
        <TextField
          id="placement-provider"
          className="col-md-6"
          label={t('family.placements.provider')}
          autoComplete="off"
          required
          maxLength={maxLengthOf(FIELDS.providerName)}
          error={fieldErrorText(t, errors.providerName)}
          {...form.register('providerName')}
        />
        <TextField
          id="placement-starts-on"
          className="col-md-6"
          type="date"
          label={t('family.placements.startsOn')}
          required
          error={fieldErrorText(t, errors.startsOn)}
          {...form.register('startsOn')}
        />
      </div>
      <SelectField
        id="placement-order"
        label={t('family.placements.order')}
        placeholder={t('family.placements.orderNone')}
        options={orders.map((o) => ({ value: o.id, label: o.label }))}
        error={fieldErrorText(t, errors.orderId)}
        {...form.register('orderId')}
      />
      <TextAreaField
        id="placement-address"
        label={t('family.placements.address')}
        hint={t('family.placements.addressHint')}
        rows={2}
        autoComplete="off"
        maxLength={maxLengthOf(FIELDS.address)}
        error={fieldErrorText(t, errors.address)}
        {...form.register('address')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('family.placements.submit')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}

/** A visit to a placement: the date (not before the placement began, the server checks) and a note. */
export function VisitForm({
  caseId,
  placementId,
  title,
  onDone,
}: {
  caseId: string;
  placementId: string;
  title: string;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { visit } = usePlacementMutations(caseId);
  const form = useForm<VisitValues>({ resolver: visitResolver, defaultValues: emptyVisit() });
  const { errors, isSubmitting } = form.formState;
  const id = `visit-${placementId}`;
  useEffect(() => {
    form.setFocus('visitedOn');
  }, [form]);

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await visit.mutateAsync({ placementId, body: ZPlacementVisitSchema.parse(visitToInput(values)) });
      onDone(true);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="card p-3 my-3" aria-labelledby={`${id}-title`}>
      <h5 id={`${id}-title`} className="h6">
        {title}
      </h5>
      {visit.error && Object.keys(errors).length === 0 ? <ActionProblem error={visit.error} /> : null}
      <TextField
        id={`${id}-date`}
        type="date"
        label={t('family.placements.visits.visitedOn')}
        required
        error={fieldErrorText(t, errors.visitedOn)}
        {...form.register('visitedOn')}
      />
      <TextAreaField
        id={`${id}-note`}
        label={t('family.placements.visits.note')}
        rows={3}
        maxLength={maxLengthOf(ZPlacementVisitSchema.shape.note)}
        error={fieldErrorText(t, errors.note)}
        {...form.register('note')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary btn-sm" disabled={isSubmitting}>
          {t('family.placements.visits.submit')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
