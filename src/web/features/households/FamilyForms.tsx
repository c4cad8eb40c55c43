import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  LEGAL_ROLES,
  RELATION_KINDS,
  type TFamilyNetwork,
  ZLegalRoleCreateSchema,
  ZRelationCreateSchema,
} from '../../../contracts/tutela.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, RadioGroup, SelectField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { useFamilyNetworkMutations } from './family-api.js';
import {
  emptyLegalRole,
  emptyRelation,
  type LegalRoleValues,
  legalRoleResolver,
  legalRoleToInput,
  type RelationValues,
  relationResolver,
  relationToInput,
} from './family-forms.js';

/** A court order a legal role may rest on, named in words (the case page has them; the household's has none). */
export interface OrderOption {
  id: string;
  label: string;
}

const ROLE_FIELDS = ZLegalRoleCreateSchema.shape;

function peopleOptions(network: TFamilyNetwork) {
  return network.people.map((p) => ({ value: p.id, label: `${p.givenName} ${p.familyName}` }));
}

/** A relation read as a sentence: "who" is "kind" of "whom". */
export function RelationForm({
  network,
  onDone,
}: {
  network: TFamilyNetwork;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { addRelation } = useFamilyNetworkMutations(network.householdId);
  const form = useForm<RelationValues>({ resolver: relationResolver, defaultValues: emptyRelation() });
  const { errors, isSubmitting } = form.formState;
  const people = peopleOptions(network);

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await addRelation.mutateAsync(ZRelationCreateSchema.parse(relationToInput(values)));
      onDone(true);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <p className="small">{t('householdFamily.relations.formHint')}</p>
      {addRelation.error && Object.keys(errors).length === 0 ? (
        <ActionProblem error={addRelation.error} />
      ) : null}
      <div className="row">
        <SelectField
          id="relation-from"
          className="col-md-4"
          label={t('householdFamily.relations.from')}
          placeholder={t('common.choose')}
          options={people}
          required
          error={fieldErrorText(t, errors.fromPersonId)}
          {...form.register('fromPersonId')}
        />
        <SelectField
          id="relation-kind"
          className="col-md-4"
          label={t('householdFamily.relations.kind')}
          placeholder={t('common.choose')}
          options={RELATION_KINDS.map((k) => ({ value: k, label: t(`enums.relationKind.${k}`) }))}
          required
          error={fieldErrorText(t, errors.kind)}
          {...form.register('kind')}
        />
        <SelectField
          id="relation-to"
          className="col-md-4"
          label={t('householdFamily.relations.to')}
          placeholder={t('common.choose')}
          options={people}
          required
          error={fieldErrorText(t, errors.toPersonId)}
          {...form.register('toPersonId')}
        />
      </div>
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('householdFamily.relations.submit')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}

/**
 * A legal role: for whom, which, who holds it (a person of the network, or someone outside it by
 * name and organisation), the court order it rests on when the page knows the orders, from when.
 */
export function LegalRoleForm({
  network,
  orders,
  onDone,
}: {
  network: TFamilyNetwork;
  orders?: OrderOption[] | undefined;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { addLegalRole } = useFamilyNetworkMutations(network.householdId);
  const form = useForm<LegalRoleValues>({ resolver: legalRoleResolver, defaultValues: emptyLegalRole() });
  const { errors, isSubmitting } = form.formState;
  const people = peopleOptions(network);
  const byName = form.watch('holderKind') === 'name';
  // The contract names the holder's rule on `holderName`: shown on whichever holder field is there.
  const holderError = errors.holderPersonId ?? errors.holderName;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await addLegalRole.mutateAsync(ZLegalRoleCreateSchema.parse(legalRoleToInput(values)));
      onDone(true);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      {addLegalRole.error && Object.keys(errors).length === 0 ? (
        <ActionProblem error={addLegalRole.error} />
      ) : null}
      <div className="row">
        <SelectField
          id="role-person"
          className="col-md-6"
          label={t('householdFamily.roles.person')}
          placeholder={t('common.choose')}
          options={people}
          required
          error={fieldErrorText(t, errors.personId)}
          {...form.register('personId')}
        />
        <SelectField
          id="role-role"
          className="col-md-6"
          label={t('householdFamily.roles.role')}
          placeholder={t('common.choose')}
          options={LEGAL_ROLES.map((r) => ({ value: r, label: t(`enums.legalRole.${r}`) }))}
          required
          error={fieldErrorText(t, errors.role)}
          {...form.register('role')}
        />
      </div>
      <Controller
        control={form.control}
        name="holderKind"
        render={({ field }) => (
          <RadioGroup
            id="role-holder-kind"
            name="holderKind"
            legend={t('householdFamily.roles.holderKind')}
            options={[
              { value: 'person', label: t('householdFamily.roles.holderPerson') },
              { value: 'name', label: t('householdFamily.roles.holderOutside') },
            ]}
            value={field.value}
            onChange={field.onChange}
            required
          />
        )}
      />
      {byName ? (
        <div className="row">
          <TextField
            id="role-holder-name"
            className="col-md-6"
            label={t('householdFamily.roles.holderName')}
            autoComplete="off"
            required
            maxLength={maxLengthOf(ROLE_FIELDS.holderName)}
            error={fieldErrorText(t, holderError)}
            {...form.register('holderName')}
          />
          <TextField
            id="role-holder-organisation"
            className="col-md-6"
            label={t('householdFamily.roles.holderOrganisation')}
            hint={t('householdFamily.roles.holderOrganisationHint')}
            autoComplete="off"
            maxLength={maxLengthOf(ROLE_FIELDS.holderOrganisation)}
            error={fieldErrorText(t, errors.holderOrganisation)}
            {...form.register('holderOrganisation')}
          />
        </div>
      ) : (
        <SelectField
          id="role-holder-person"
          label={t('householdFamily.roles.holderPersonId')}
          placeholder={t('common.choose')}
          options={people}
          required
          error={fieldErrorText(t, holderError)}
          {...form.register('holderPersonId')}
        />
      )}
      <div className="row">
        {orders && (
          <SelectField
            id="role-order"
            className="col-md-6"
            label={t('householdFamily.roles.orderId')}
            placeholder={t('householdFamily.roles.orderNone')}
            options={orders.map((o) => ({ value: o.id, label: o.label }))}
            error={fieldErrorText(t, errors.orderId)}
            {...form.register('orderId')}
          />
        )}
        <TextField
          id="role-starts-on"
          className="col-md-6"
          type="date"
          label={t('householdFamily.roles.startsOn')}
          required
          error={fieldErrorText(t, errors.startsOn)}
          {...form.register('startsOn')}
        />
      </div>
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('householdFamily.roles.submit')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
