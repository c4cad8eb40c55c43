import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TOpportunity, TOpportunitySummary } from '../../../contracts/fundraising.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { formatDay } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { formatEuroCents } from '../community/community-words.js';
import { useAttachFile, useFileLink, useMove, useOpportunity, usePipeline } from './fundraising-api.js';
import { OpportunityForm } from './OpportunityForm.js';

/**
 * The pipeline (issue 21, item 5): a column per stage on wide screens, the same sections one under
 * the other on a phone; the totals, the conversion and the calls' deadlines to come.
 */
export function PipelinePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const pipeline = usePipeline();
  return (
    <>
      <PageHeading title={t('fundraising.pipeline.title')}>
        <p className="mb-2">{t('fundraising.pipeline.intro')}</p>
      </PageHeading>
      <AsyncContent query={pipeline}>
        {(p) => (
          <>
            <p>
              {p.conversion.rate === null
                ? t('fundraising.pipeline.noConversion')
                : t('fundraising.pipeline.conversion', {
                    rate: Math.round(p.conversion.rate * 100),
                    received: p.conversion.received,
                    lost: p.conversion.lost,
                  })}
            </p>
            <section aria-labelledby="deadlines-heading" className="mb-4">
              <h2 id="deadlines-heading" className="h4">
                {t('fundraising.pipeline.deadlines')}
              </h2>
              {p.deadlines.length === 0 ? (
                <p>{t('fundraising.pipeline.noDeadlines')}</p>
              ) : (
                <ul>
                  {p.deadlines.map((o) => (
                    <li key={o.id}>
                      <Link to="/fundraising/opportunities/$id" params={{ id: o.id }}>
                        {o.title}
                      </Link>{' '}
                      — {o.funder.name},{' '}
                      {t('fundraising.deadlineOn', { day: formatDay(o.deadlineOn, locale) })}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <div className="row row-cols-1 row-cols-lg-3 row-cols-xxl-6 g-3">
              {p.stages.map((s) => (
                <section key={s.stage} className="col" aria-labelledby={`stage-${s.stage}`}>
                  <div className="border rounded p-2 h-100">
                    <h2 id={`stage-${s.stage}`} className="h5">
                      {t(`fundraising.stage.${s.stage}`)} ({s.count})
                    </h2>
                    <p className="small mb-2">
                      {t('fundraising.pipeline.sums', {
                        asked: formatEuroCents(s.askedCents, locale),
                        pledged: formatEuroCents(s.pledgedCents, locale),
                        received: formatEuroCents(s.receivedCents, locale),
                      })}
                    </p>
                    <ul className="list-unstyled mb-0">
                      {s.items.map((o) => (
                        <OpportunityItem key={o.id} o={o} />
                      ))}
                    </ul>
                  </div>
                </section>
              ))}
            </div>
          </>
        )}
      </AsyncContent>
      <OpportunityForm />
    </>
  );
}

function OpportunityItem({ o }: { o: TOpportunitySummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const amount = o.receivedCents ?? o.pledgedCents ?? o.askedCents;
  return (
    <li className="mb-2">
      <Link to="/fundraising/opportunities/$id" params={{ id: o.id }}>
        {o.title}
      </Link>
      <div className="small">
        {o.funder.name} · {formatEuroCents(amount, locale)}
        {o.deadlineOn && <> · {t('fundraising.deadlineOn', { day: formatDay(o.deadlineOn, locale) })}</>}
      </div>
    </li>
  );
}

/** One opportunity: its details, the move to a next stage with what that stage needs, its history and documents. */
export function OpportunityPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const opportunity = useOpportunity(id);
  return (
    <AsyncContent query={opportunity}>
      {(o) => (
        <>
          <PageHeading title={o.title} />
          <OpportunityFacts o={o} />
          {o.next.length > 0 && <MoveForm o={o} />}
          <section aria-labelledby="history-heading" className="mb-4">
            <h2 id="history-heading" className="h4">
              {t('fundraising.opportunity.history')}
            </h2>
            <ul>
              {o.moves.map((m) => (
                <li key={`${m.movedAt}-${m.toStage}`}>
                  {t(`fundraising.stage.${m.toStage}`)} — {new Date(m.movedAt).toLocaleDateString()} (
                  {m.movedBy})
                </li>
              ))}
            </ul>
          </section>
          <FilesSection o={o} />
        </>
      )}
    </AsyncContent>
  );
}

function OpportunityFacts({ o }: { o: TOpportunity }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (v: number | null) => (v === null ? '—' : formatEuroCents(v, locale));
  const rows: [string, string][] = [
    [t('fundraising.field.stage'), t(`fundraising.stage.${o.stage}`)],
    [t('fundraising.field.funder'), o.funder.name],
    [t('fundraising.field.campaign'), o.campaign?.title ?? '—'],
    [t('fundraising.field.asked'), money(o.askedCents)],
    [t('fundraising.field.pledged'), money(o.pledgedCents)],
    [t('fundraising.field.received'), money(o.receivedCents)],
    [t('fundraising.field.receivedOn'), formatDay(o.receivedOn, locale)],
    [t('fundraising.field.deadline'), formatDay(o.deadlineOn, locale)],
    [t('fundraising.field.expected'), formatDay(o.expectedOn, locale)],
    [t('fundraising.field.paysFor'), o.paysFor],
    [t('fundraising.field.owner'), o.owner.name],
  ];
  return (
    <dl className="row mb-4">
      {rows.map(([term, value]) => (
        <div key={term} className="col-12 col-md-6 d-flex gap-2">
          <dt>{term}</dt>
          <dd className="mb-1">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

const euroToCents = (v: string) => (v.trim() === '' ? null : Math.round(Number(v.replace(',', '.')) * 100));

function MoveForm({ o }: { o: TOpportunity }) {
  const { t } = useTranslation();
  const move = useMove(o.id);
  const [to, setTo] = useState(o.next[0]!);
  const [pledged, setPledged] = useState('');
  const [received, setReceived] = useState('');
  const [receivedOn, setReceivedOn] = useState('');
  return (
    <section aria-labelledby="move-heading" className="mb-4">
      <h2 id="move-heading" className="h4">
        {t('fundraising.move.title')}
      </h2>
      <form
        className="row g-2 align-items-end"
        onSubmit={(e) => {
          e.preventDefault();
          move.mutate({
            from: o.stage,
            to,
            pledgedCents: to === 'pledged' ? euroToCents(pledged) : null,
            receivedCents: to === 'received' ? euroToCents(received) : null,
            receivedOn: to === 'received' && receivedOn ? receivedOn : null,
          });
        }}
      >
        <div className="col-12 col-md-4">
          <label htmlFor="move-to" className="form-label">
            {t('fundraising.move.to')}
          </label>
          <select
            id="move-to"
            className="form-select"
            value={to}
            onChange={(e) => setTo(e.target.value as typeof to)}
          >
            {o.next.map((s) => (
              <option key={s} value={s}>
                {t(`fundraising.stage.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {to === 'pledged' && (
          <div className="col-12 col-md-4">
            <label htmlFor="move-pledged" className="form-label">
              {t('fundraising.field.pledgedEuro')}
            </label>
            <input
              id="move-pledged"
              className="form-control"
              inputMode="decimal"
              value={pledged}
              onChange={(e) => setPledged(e.target.value)}
            />
          </div>
        )}
        {to === 'received' && (
          <>
            <div className="col-12 col-md-4">
              <label htmlFor="move-received" className="form-label">
                {t('fundraising.field.receivedEuro')}
              </label>
              <input
                id="move-received"
                className="form-control"
                inputMode="decimal"
                value={received}
                onChange={(e) => setReceived(e.target.value)}
              />
            </div>
            <div className="col-12 col-md-4">
              <label htmlFor="move-received-on" className="form-label">
                {t('fundraising.field.receivedOn')}
              </label>
              <input
                id="move-received-on"
                type="date"
                className="form-control"
                value={receivedOn}
                onChange={(e) => setReceivedOn(e.target.value)}
              />
            </div>
          </>
        )}
        <div className="col-12">
          <button type="submit" className="btn btn-primary" disabled={move.isPending}>
            {t('fundraising.move.submit')}
          </button>
        </div>
      </form>
      {move.isError && <ProblemAlert error={move.error} className="mt-2" />}
    </section>
  );
}

/** The opportunity's documents: each opens through a single-use link; a new one is uploaded here. */
function FilesSection({ o }: { o: TOpportunity }) {
  const { t } = useTranslation();
  const attach = useAttachFile(o.id);
  const link = useFileLink();
  const [file, setFile] = useState<File | null>(null);
  return (
    <section aria-labelledby="files-heading">
      <h2 id="files-heading" className="h4">
        {t('fundraising.opportunity.files')}
      </h2>
      {o.files.length === 0 ? (
        <p>{t('fundraising.opportunity.noFiles')}</p>
      ) : (
        <ul>
          {o.files.map((f) => (
            <li key={f.id}>
              <button
                type="button"
                className="btn btn-link p-0"
                onClick={() =>
                  link.mutate(f.id, {
                    onSuccess: ({ url }) => {
                      window.location.assign(url);
                    },
                  })
                }
              >
                {f.fileName ?? t('fundraising.opportunity.file')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="row g-2 align-items-end"
        onSubmit={(e) => {
          e.preventDefault();
          if (file) attach.mutate(file);
        }}
      >
        <div className="col-12 col-md-6">
          <label htmlFor="opportunity-file" className="form-label">
            {t('fundraising.opportunity.upload')}
          </label>
          <input
            id="opportunity-file"
            type="file"
            className="form-control"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <div className="col-12 col-md-3">
          <button type="submit" className="btn btn-outline-primary" disabled={!file || attach.isPending}>
            {t('fundraising.opportunity.attach')}
          </button>
        </div>
      </form>
      {attach.isError && <ProblemAlert error={attach.error} className="mt-2" />}
      {link.isError && <ProblemAlert error={link.error} className="mt-2" />}
    </section>
  );
}
