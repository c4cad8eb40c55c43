import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TLedger, ZLedgerQuerySchema } from '../../../contracts/housing.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { SelectField, TextField } from '../../ui/fields.js';
import { formatDay } from '../../ui/format.js';
import { rangeOf } from '../../ui/forms/limits.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { type LedgerFilters, ledgerExportUrl, useBudgets, useLedger } from './payments-api.js';
import { formatEuro } from './payments-forms.js';

const shape = ZLedgerQuerySchema.shape;

/**
 * The rent ledger: each funding line's reconciliation (amount = paid + approved to pay + remaining),
 * totals by household, every payment and reversal, and the file for the accounts office.
 */
export function LedgerPage({
  filters,
  onChange,
}: {
  filters: LedgerFilters;
  onChange: (next: LedgerFilters) => void;
}) {
  const { t } = useTranslation();
  const ledger = useLedger(filters);
  const budgets = useBudgets();
  const [draft, setDraft] = useState({
    year: filters.year ? String(filters.year) : '',
    budgetId: filters.budgetId ?? '',
    householdCode: filters.householdCode ?? '',
  });
  const codeValid =
    draft.householdCode.trim() === '' || shape.householdCode.safeParse(draft.householdCode).success;

  function apply(event: FormEvent) {
    event.preventDefault();
    if (!codeValid) return;
    const year = shape.year.safeParse(draft.year);
    onChange({
      year: draft.year && year.success ? year.data : undefined,
      budgetId: draft.budgetId || undefined,
      householdCode: draft.householdCode.trim().toUpperCase() || undefined,
    });
  }

  return (
    <>
      <PageHeading title={t('payments.ledger.title')}>
        <p className="mb-2">{t('payments.ledger.intro')}</p>
        <Link to="/payments">{t('payments.backToRequests')}</Link>
      </PageHeading>
      <form
        onSubmit={apply}
        className="d-flex flex-wrap align-items-end gap-3 mb-3"
        aria-label={t('payments.ledger.filters')}
      >
        <TextField
          id="ledger-year"
          type="number"
          inputMode="numeric"
          label={t('payments.ledger.year')}
          {...rangeOf(shape.year)}
          value={draft.year}
          onChange={(e) => setDraft({ ...draft, year: e.target.value })}
        />
        <SelectField
          id="ledger-budget"
          label={t('payments.ledger.line')}
          placeholder={t('payments.ledger.allLines')}
          options={(budgets.data?.items ?? []).map((b) => ({
            value: b.id,
            label: t('payments.request.budgetLine', { year: b.year, line: b.fundingLine }),
          }))}
          value={draft.budgetId}
          onChange={(e) => setDraft({ ...draft, budgetId: e.target.value })}
        />
        <TextField
          id="ledger-household"
          label={t('payments.ledger.household')}
          hint={t('payments.form.householdCodeHint')}
          autoComplete="off"
          value={draft.householdCode}
          error={codeValid ? undefined : t('payments.ledger.householdInvalid')}
          onChange={(e) => setDraft({ ...draft, householdCode: e.target.value })}
        />
        <button type="submit" className="btn btn-outline-primary mb-4">
          {t('payments.ledger.apply')}
        </button>
      </form>
      <p className="d-flex flex-wrap gap-3">
        <a href={ledgerExportUrl(filters, 'xlsx')} download>
          {t('payments.ledger.downloadXlsx')}
        </a>
        <a href={ledgerExportUrl(filters, 'csv')} download>
          {t('payments.ledger.downloadCsv')}
        </a>
      </p>
      <AsyncContent query={ledger}>{(data) => <LedgerView ledger={data} />}</AsyncContent>
    </>
  );
}

function LedgerView({ ledger }: { ledger: TLedger }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const euro = (cents: number) => formatEuro(cents, locale);
  const sum = (pick: (l: TLedger['lines'][number]) => number) =>
    ledger.lines.reduce((s, l) => s + pick(l), 0);
  const households = [
    ...ledger.entries
      .reduce(
        (m, e) => m.set(e.householdCode, (m.get(e.householdCode) ?? 0) + e.amountCents),
        new Map<string, number>(),
      )
      .entries(),
  ].sort(([a], [b]) => a.localeCompare(b));
  return (
    <>
      <section aria-labelledby="ledger-lines" className="mb-4">
        <h2 id="ledger-lines" className="h4">
          {t('payments.ledger.linesTitle')}
        </h2>
        <p className="small">{t('payments.ledger.linesIntro')}</p>
        {ledger.lines.length === 0 ? (
          <p>{t('payments.budgets.empty')}</p>
        ) : (
          <DataTable caption={t('payments.ledger.linesCaption', { count: ledger.lines.length })}>
            <thead>
              <tr>
                <th scope="col">{t('payments.budgets.line')}</th>
                <th scope="col" className="text-end">
                  {t('payments.budgets.amount')}
                </th>
                <th scope="col" className="text-end">
                  {t('payments.budgets.paid')}
                </th>
                <th scope="col" className="text-end">
                  {t('payments.ledger.approvedUnpaid')}
                </th>
                <th scope="col" className="text-end">
                  {t('payments.budgets.remaining')}
                </th>
              </tr>
            </thead>
            <tbody>
              {ledger.lines.map((l) => (
                <tr key={l.id}>
                  <th scope="row">
                    {t('payments.request.budgetLine', { year: l.year, line: l.fundingLine })}
                  </th>
                  <td className="text-end text-nowrap">{euro(l.amountCents)}</td>
                  <td className="text-end text-nowrap">{euro(l.paidCents)}</td>
                  <td className="text-end text-nowrap">{euro(l.approvedUnpaidCents)}</td>
                  <td className="text-end text-nowrap">{euro(l.remainingCents)}</td>
                </tr>
              ))}
              <tr className="fw-semibold">
                <th scope="row">{t('payments.ledger.total')}</th>
                <td className="text-end text-nowrap">{euro(sum((l) => l.amountCents))}</td>
                <td className="text-end text-nowrap">{euro(sum((l) => l.paidCents))}</td>
                <td className="text-end text-nowrap">{euro(sum((l) => l.approvedUnpaidCents))}</td>
                <td className="text-end text-nowrap">{euro(sum((l) => l.remainingCents))}</td>
              </tr>
            </tbody>
          </DataTable>
        )}
      </section>
      <section aria-labelledby="ledger-households" className="mb-4">
        <h2 id="ledger-households" className="h4">
          {t('payments.ledger.householdsTitle')}
        </h2>
        {households.length === 0 ? (
          <p>{t('payments.ledger.empty')}</p>
        ) : (
          <DataTable caption={t('payments.ledger.householdsCaption', { count: households.length })}>
            <thead>
              <tr>
                <th scope="col">{t('payments.ledger.household')}</th>
                <th scope="col" className="text-end">
                  {t('payments.ledger.paidNet')}
                </th>
              </tr>
            </thead>
            <tbody>
              {households.map(([code, cents]) => (
                <tr key={code}>
                  <th scope="row" className="font-monospace">
                    {code}
                  </th>
                  <td className="text-end text-nowrap">{euro(cents)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
      <section aria-labelledby="ledger-entries" className="mb-4">
        <h2 id="ledger-entries" className="h4">
          {t('payments.ledger.entriesTitle')}
        </h2>
        {ledger.entries.length === 0 ? (
          <p role="status">{t('payments.ledger.empty')}</p>
        ) : (
          <DataTable caption={t('payments.ledger.entriesCaption', { count: ledger.entries.length })}>
            <thead>
              <tr>
                <th scope="col">{t('payments.ledger.date')}</th>
                <th scope="col">{t('payments.ledger.request')}</th>
                <th scope="col">{t('payments.ledger.line')}</th>
                <th scope="col">{t('payments.ledger.household')}</th>
                <th scope="col">{t('payments.request.payee')}</th>
                <th scope="col">{t('payments.ledger.kindLabel')}</th>
                <th scope="col" className="text-end">
                  {t('payments.request.amount')}
                </th>
                <th scope="col">{t('payments.ledger.reference')}</th>
              </tr>
            </thead>
            <tbody>
              {ledger.entries.map((e) => (
                <tr key={e.id}>
                  <td className="text-nowrap">{formatDay(e.entryOn, locale)}</td>
                  <th scope="row" className="font-monospace">
                    {e.requestCode}
                  </th>
                  <td>{t('payments.request.budgetLine', { year: e.year, line: e.fundingLine })}</td>
                  <td className="font-monospace">{e.householdCode}</td>
                  <td>{e.payeeName ?? t('payments.payeeKind.landlord')}</td>
                  <td>{t(`payments.ledger.kind.${e.kind}`)}</td>
                  <td className="text-end text-nowrap">{euro(e.amountCents)}</td>
                  <td>{e.reference ?? '—'}</td>
                </tr>
              ))}
              <tr className="fw-semibold">
                <th scope="row" colSpan={6}>
                  {t('payments.ledger.totalPaid')}
                </th>
                <td className="text-end text-nowrap">{euro(ledger.totalPaidCents)}</td>
                <td />
              </tr>
            </tbody>
          </DataTable>
        )}
      </section>
    </>
  );
}
