import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TBudget } from '../../../contracts/housing.js';
import { ZBudgetInputSchema } from '../../../contracts/housing.js';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { FormActions, TextField } from '../../ui/fields.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf, rangeOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useNotice } from '../households/notice.js';
import { useBudgets, useCreateBudget } from './payments-api.js';
import { type BudgetValues, budgetToInput, formatEuro } from './payments-forms.js';

const shape = ZBudgetInputSchema.shape;
const resolver = contractResolver<BudgetValues>(ZBudgetInputSchema, budgetToInput);

/** The service's budgets per year and funding line: amount, committed, paid and what is left. */
export function BudgetsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const budgets = useBudgets();
  const [adding, setAdding] = useState(false);
  const [notice, say] = useNotice();
  return (
    <>
      <PageHeading title={t('payments.budgets.title')}>
        <p className="mb-2">{t('payments.budgets.intro')}</p>
        <Link to="/payments">{t('payments.backToRequests')}</Link>
      </PageHeading>
      {notice}
      {can('payments.approve') &&
        (adding ? (
          <BudgetForm
            onDone={(created) => {
              setAdding(false);
              if (created)
                say(t('payments.budgets.created', { line: created.fundingLine, year: created.year }));
            }}
          />
        ) : (
          <button
            type="button"
            className="btn btn-primary btn-sm mb-3"
            onClick={() => {
              say('');
              setAdding(true);
            }}
          >
            {t('payments.budgets.new')}
          </button>
        ))}
      <AsyncContent query={budgets}>
        {({ items }) =>
          items.length === 0 ? (
            <p role="status">{t('payments.budgets.empty')}</p>
          ) : (
            <BudgetsTable items={items} />
          )
        }
      </AsyncContent>
    </>
  );
}

function BudgetsTable({ items }: { items: TBudget[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const euro = (cents: number) => formatEuro(cents, locale);
  return (
    <DataTable caption={t('payments.budgets.caption', { count: items.length })}>
      <thead>
        <tr>
          <th scope="col">{t('payments.budgets.line')}</th>
          <th scope="col">{t('payments.budgets.year')}</th>
          <th scope="col" className="text-end">
            {t('payments.budgets.amount')}
          </th>
          <th scope="col" className="text-end">
            {t('payments.budgets.committed')}
          </th>
          <th scope="col" className="text-end">
            {t('payments.budgets.paid')}
          </th>
          <th scope="col" className="text-end">
            {t('payments.budgets.remaining')}
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((b) => (
          <tr key={b.id}>
            <th scope="row">{b.fundingLine}</th>
            <td>{b.year}</td>
            <td className="text-end text-nowrap">{euro(b.amountCents)}</td>
            <td className="text-end text-nowrap">{euro(b.committedCents)}</td>
            <td className="text-end text-nowrap">{euro(b.paidCents)}</td>
            <td className="text-end text-nowrap">{euro(b.remainingCents)}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

function BudgetForm({ onDone }: { onDone: (created: TBudget | null) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const create = useCreateBudget();
  const form = useForm<BudgetValues>({
    resolver,
    defaultValues: { year: String(new Date().getFullYear()), fundingLine: '', amountCents: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      onDone(await create.mutateAsync(ZBudgetInputSchema.parse(budgetToInput(values))));
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  const fields = {
    year: { id: 'budget-year', label: t('payments.budgets.year') },
    fundingLine: { id: 'budget-line', label: t('payments.budgets.line') },
    amountCents: { id: 'budget-amount', label: t('payments.budgets.amount') },
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      className="card shadow-sm p-4 mb-4"
      aria-labelledby="budget-form-title"
    >
      <h2 id="budget-form-title" className="h5">
        {t('payments.budgets.formTitle')}
      </h2>
      {create.error ? <ProblemAlert error={create.error} fields={fields} /> : null}
      <div className="row">
        <TextField
          id={fields.year.id}
          className="col-md-3"
          type="number"
          inputMode="numeric"
          label={fields.year.label}
          required
          {...rangeOf(shape.year)}
          error={fieldErrorText(t, errors.year)}
          {...form.register('year')}
        />
        <TextField
          id={fields.fundingLine.id}
          className="col-md-5"
          label={fields.fundingLine.label}
          hint={t('payments.budgets.lineHint')}
          required
          maxLength={maxLengthOf(shape.fundingLine)}
          error={fieldErrorText(t, errors.fundingLine)}
          {...form.register('fundingLine')}
        />
        <TextField
          id={fields.amountCents.id}
          className="col-md-4"
          label={t('payments.budgets.amountEuro')}
          hint={t('payments.form.amountHint')}
          inputMode="decimal"
          required
          error={fieldErrorText(t, errors.amountCents)}
          {...form.register('amountCents')}
        />
      </div>
      <FormActions>
        <button type="submit" className="btn btn-primary btn-sm" disabled={isSubmitting}>
          {t('payments.budgets.submit')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
