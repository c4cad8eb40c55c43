import { Link } from '@tanstack/react-router';
import { type UseFormRegisterReturn, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TCase } from '../../../contracts/index.js';
import { TRANSFER_BASES, ZTransferCreateSchema } from '../../../contracts/tutela.js';
import { useLocale } from '../../i18n/index.js';
import { useSession } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { FormActions, SelectField, TextAreaField } from '../../ui/fields.js';
import { formatDay } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf, minLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { useServices } from '../structure/structure-api.js';
import { useCourtOrders } from './court-api.js';
import { orderInWords } from './placement-forms.js';
import {
  consentChoices,
  emptyTransfer,
  peopleWithoutConsent,
  type TransferValues,
  transferTargets,
  transferToInput,
} from './transfer-form.js';
import { useCaseHousehold, useTransferRequest } from './transfers-api.js';

const resolver = contractResolver<TransferValues>(ZTransferCreateSchema, transferToInput);
const FIELDS = ZTransferCreateSchema.shape;

/**
 * The lead asks a service of another Ambito to take the case: which service, on which basis (a
 * consent to that service of the case's people, or one of the case's court orders), and why.
 */
export function TransferForm({ data, onDone }: { data: TCase; onDone: (sent: boolean) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useSession();
  const services = useServices();
  const request = useTransferRequest(data.id);
  const form = useForm<TransferValues>({ resolver, defaultValues: emptyTransfer() });
  const { errors, isSubmitting } = form.formState;
  const [basis, toServiceId] = form.watch(['basis', 'toServiceId']);
  // The lead works in the case's service: the service they act for is the one the case leaves.
  const fromServiceId =
    session.memberships.find((m) => m.id === session.activeMembershipId)?.serviceId ?? null;
  const minReason = minLengthOf(FIELDS.reason);

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await request.mutateAsync(ZTransferCreateSchema.parse(transferToInput(values)));
      onDone(true);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <AsyncContent query={services}>
      {(list) => {
        const targets = transferTargets(list, fromServiceId).sort((a, b) =>
          a.name.localeCompare(b.name, locale),
        );
        if (targets.length === 0) return <p>{t('transfers.section.noTargets')}</p>;
        return (
          <form onSubmit={onSubmit} noValidate>
            {request.error && Object.keys(errors).length === 0 ? (
              <ActionProblem error={request.error} />
            ) : null}
            <SelectField
              id="transfer-service"
              label={t('transfers.form.toService')}
              hint={t('transfers.form.toServiceHint')}
              placeholder={t('common.choose')}
              options={targets.map((s) => ({ value: s.id, label: s.name }))}
              required
              error={fieldErrorText(t, errors.toServiceId)}
              {...form.register('toServiceId')}
            />
            <SelectField
              id="transfer-basis"
              label={t('transfers.form.basis')}
              placeholder={t('common.choose')}
              options={TRANSFER_BASES.map((b) => ({ value: b, label: t(`enums.transferBasis.${b}`) }))}
              required
              error={fieldErrorText(t, errors.basis)}
              {...form.register('basis')}
            />
            {basis === 'consent' &&
              (toServiceId ? (
                <ConsentSelect
                  data={data}
                  toServiceId={toServiceId}
                  error={fieldErrorText(t, errors.consentId)}
                  field={form.register('consentId')}
                />
              ) : (
                <p className="form-text">{t('transfers.form.chooseServiceFirst')}</p>
              ))}
            {basis === 'court_order' && (
              <OrderSelect
                caseId={data.id}
                error={fieldErrorText(t, errors.orderId)}
                field={form.register('orderId')}
              />
            )}
            <TextAreaField
              id="transfer-reason"
              label={t('transfers.form.reason')}
              hint={t('transfers.form.reasonHint', { min: minReason })}
              required
              maxLength={maxLengthOf(FIELDS.reason)}
              error={fieldErrorText(t, errors.reason, t('transfers.form.reasonHint', { min: minReason }))}
              {...form.register('reason')}
            />
            <FormActions>
              <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
                {t('transfers.form.submit')}
              </button>
              <button type="button" className="btn btn-outline-secondary" onClick={() => onDone(false)}>
                {t('common.cancel')}
              </button>
            </FormActions>
          </form>
        );
      }}
    </AsyncContent>
  );
}

/**
 * The consents in force to the receiving service of the case's people. The household moves with
 * the case, so whoever of it has none is named (the server refuses a consent basis that leaves
 * someone out).
 */
function ConsentSelect({
  data,
  toServiceId,
  error,
  field,
}: {
  data: TCase;
  toServiceId: string;
  error: string | undefined;
  field: UseFormRegisterReturn<'consentId'>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const people = data.members ?? [];
  const householdId = people[0]?.householdId ?? '';
  const household = useCaseHousehold(householdId);
  const personIds = people.map((p) => p.id);

  return (
    <AsyncContent query={household}>
      {({ members, consents }) => {
        const names = new Map(members.map((p) => [p.id, `${p.givenName} ${p.familyName}`]));
        const choices = consentChoices(consents, personIds, toServiceId);
        const missing = peopleWithoutConsent(
          consents,
          members.map((p) => p.id),
          toServiceId,
        );
        return (
          <>
            {choices.length > 0 && (
              <SelectField
                id="transfer-consent"
                label={t('transfers.form.consent')}
                hint={t('transfers.form.consentHint')}
                placeholder={t('common.choose')}
                options={choices.map((c) => ({
                  value: c.id,
                  label: t('transfers.form.consentLabel', {
                    name: names.get(c.personId) ?? '—',
                    date: formatDay(c.givenOn, locale),
                  }),
                }))}
                required
                error={error}
                {...field}
              />
            )}
            {(choices.length === 0 || missing.length > 0) && (
              <div className="alert alert-warning" role="note">
                <p className="mb-1">
                  {choices.length === 0
                    ? t('transfers.form.noConsent')
                    : t('transfers.form.missingConsent', {
                        names: missing.map((id) => names.get(id) ?? '—').join(', '),
                      })}{' '}
                  {t('transfers.form.recordConsent')}
                </p>
                {householdId && (
                  <Link to="/households/$householdId" params={{ householdId }}>
                    {t('transfers.form.toHousehold')}
                  </Link>
                )}
                {choices.length === 0 && error ? (
                  <p className="mb-0 mt-1 text-danger" role="alert">
                    {error}
                  </p>
                ) : null}
              </div>
            )}
          </>
        );
      }}
    </AsyncContent>
  );
}

/** The case's court orders, in words (kind, date, docket number when the viewer reads it). */
function OrderSelect({
  caseId,
  error,
  field,
}: {
  caseId: string;
  error: string | undefined;
  field: UseFormRegisterReturn<'orderId'>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const orders = useCourtOrders(caseId);
  return (
    <AsyncContent query={orders}>
      {(list) =>
        list.length === 0 ? (
          <div className="alert alert-warning" role="note">
            {t('transfers.form.noOrder')}
            {error ? (
              <p className="mb-0 mt-1 text-danger" role="alert">
                {error}
              </p>
            ) : null}
          </div>
        ) : (
          <SelectField
            id="transfer-order"
            label={t('transfers.form.order')}
            placeholder={t('common.choose')}
            options={list.map((o) => ({ value: o.id, label: orderInWords(o, { t, locale }) }))}
            required
            error={error}
            {...field}
          />
        )
      }
    </AsyncContent>
  );
}
