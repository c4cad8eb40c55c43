import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TImpactPeriods } from '../../../contracts/impact-periods.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { PeriodCard } from './PeriodCard.js';
import { groupPeriodsByKind, romeToday } from './period-format.js';
import { useImpactPeriods } from './periods-api.js';

/**
 * The impact's reporting periods (issue 25, items 3 and 4): each quarter, semester, year and the
 * whole project, submitted by a coordinator, approved and locked by the steering committee's chair,
 * with its signed reports; and how anyone checks that a report's file is the one signed.
 */
export function PeriodsPage() {
  const { t } = useTranslation();
  const periods = useImpactPeriods();
  return (
    <>
      <PageHeading title={t('impact.periods.title')}>
        <p className="mb-0">
          <Link to="/impact">{t('impact.periods.back')}</Link>
        </p>
      </PageHeading>
      <AsyncContent query={periods}>{(data) => <Periods data={data} />}</AsyncContent>
    </>
  );
}

function Periods({ data }: { data: TImpactPeriods }) {
  const { t } = useTranslation();
  // One reading of today for every card, in Rome, where the periods end.
  const today = romeToday();
  return (
    <>
      <p>{t('impact.periods.intro')}</p>
      <p>{t(data.chair ? 'impact.periods.chair' : 'impact.periods.notChair')}</p>
      {groupPeriodsByKind(data.periods).map(({ kind, periods }) => (
        <section key={kind} aria-labelledby={`impact-periods-${kind}`} className="mb-5">
          <h2 id={`impact-periods-${kind}`} className="h4">
            {t(`impact.periods.kinds.${kind}`)}
          </h2>
          <ul className="list-unstyled">
            {periods.map((period) => (
              <li key={period.key}>
                <PeriodCard period={period} today={today} />
              </li>
            ))}
          </ul>
        </section>
      ))}
      <Verification signingKey={data.signingKey} />
    </>
  );
}

/** How a report is checked: the signing key's id, its public key, and the command that verifies a file. */
function Verification({ signingKey }: { signingKey: TImpactPeriods['signingKey'] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="impact-periods-verify" className="mb-5">
      <h2 id="impact-periods-verify" className="h4">
        {t('impact.periods.verify.title')}
      </h2>
      <p>{t('impact.periods.verify.intro')}</p>
      <p>
        <Link to="/verifica-rapporto">{t('impact.periods.verify.publicPage')}</Link>
      </p>
      <p>
        {t('impact.periods.verify.keyId')} <code className="text-break">{signingKey.keyId}</code>
      </p>
      <p className="mb-1">{t('impact.periods.verify.command')}</p>
      <p>
        <code>npm run report:verify &lt;file&gt;</code>
      </p>
      <p>{t('impact.periods.verify.commandResult')}</p>
      <details>
        <summary>{t('impact.periods.verify.publicKey')}</summary>
        {/* Wrapped, not scrolled: on a phone the key's long lines would push the page sideways. */}
        <pre
          className="mt-2 p-2 border rounded small"
          style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
        >
          {signingKey.publicKeyPem}
        </pre>
      </details>
    </section>
  );
}
