import { useTranslation } from 'react-i18next';
import { type TVerification, ZVerificationParamsSchema } from '../../../contracts/training.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { formatDay, formatNumber } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { useVerification } from './attendance-api.js';

/** The code as printed on a certificate, however it was typed (lower case, spaces around). */
function normalised(code: string): string | null {
  // Typed by hand, a code may come in lower case, without dashes or with spaces: read as printed.
  const symbols = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const printed = symbols.match(/.{1,4}/g)?.join('-') ?? '';
  return ZVerificationParamsSchema.shape.code.safeParse(printed).success ? printed : null;
}

const STATE_LOOK = {
  valid: { alert: 'alert-success', icon: '✓' },
  revoked: { alert: 'alert-danger', icon: '✗' },
  expired: { alert: 'alert-warning', icon: '!' },
} as const;

/**
 * Anyone holding a certificate's code (an employer, a professional council) sees whether it is
 * valid, and only what it certifies: name, course, hours, date, validity.
 */
export function VerificationPage({ code }: { code: string }) {
  const { t } = useTranslation();
  const wanted = normalised(code);
  const verification = useVerification(wanted);
  const unknown = <p className="callout note p-3">{t('attendance.verify.unknown')}</p>;

  return (
    <>
      <PageHeading title={t('attendance.verify.title')}>
        <p className="mb-0">
          {t('attendance.verify.code')}: <span className="font-monospace">{wanted ?? code}</span>
        </p>
      </PageHeading>
      {wanted === null ? (
        unknown
      ) : (
        <AsyncContent query={verification} notFound={unknown}>
          {(found) => <Verified found={found} />}
        </AsyncContent>
      )}
    </>
  );
}

function Verified({ found }: { found: TVerification }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const look = STATE_LOOK[found.state];
  return (
    <>
      <div className={`alert ${look.alert}`}>
        <p className="h4 mb-1">
          <span aria-hidden="true" className="me-2">
            {look.icon}
          </span>
          {t(`attendance.verify.state.${found.state}`)}
        </p>
        <p className="mb-0">{t(`attendance.verify.stateDetail.${found.state}`)}</p>
      </div>
      <Facts>
        <Fact label={t('attendance.verify.holder')}>{found.holderName}</Fact>
        <Fact label={t('attendance.verify.course')}>{found.courseTitle}</Fact>
        <Fact label={t('attendance.verify.hours')}>{formatNumber(found.hours, locale)}</Fact>
        <Fact label={t('attendance.verify.issuedOn')}>{formatDay(found.issuedOn, locale)}</Fact>
        <Fact label={t('attendance.verify.validUntil')}>
          {found.validUntil ? formatDay(found.validUntil, locale) : t('attendance.verify.noExpiry')}
        </Fact>
      </Facts>
    </>
  );
}
