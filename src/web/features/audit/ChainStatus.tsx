import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { formatDateTime } from '../../ui/format.js';
import { useChainStatus } from './audit-api.js';

/** The hash chain seals events periodically; unsealed events are not yet tamper-evident. */
export function ChainStatus() {
  const { t } = useTranslation();
  const locale = useLocale();
  const status = useChainStatus();
  return (
    <section aria-labelledby="chain-heading" className="mb-4">
      <h2 id="chain-heading" className="h4">
        {t('audit.chain.title')}
      </h2>
      <AsyncContent query={status}>
        {(data) => (
          <div className={`callout ${data.unsealed > 0 ? 'warning' : 'success'} my-2`}>
            <dl className="row mb-0">
              <dt className="col-sm-4">{t('audit.chain.sealedThrough')}</dt>
              <dd className="col-sm-8">{data.sealedThrough ?? t('audit.chain.nothingSealed')}</dd>
              <dt className="col-sm-4">{t('audit.chain.unsealed')}</dt>
              <dd className="col-sm-8">{data.unsealed}</dd>
              <dt className="col-sm-4">{t('audit.chain.oldestUnsealedAt')}</dt>
              <dd className="col-sm-8">{formatDateTime(data.oldestUnsealedAt, locale)}</dd>
            </dl>
          </div>
        )}
      </AsyncContent>
    </section>
  );
}
