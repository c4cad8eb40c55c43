import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ZAddressRequestInputSchema } from '../../../contracts/housing.js';
import { ReasonForm } from '../../ui/forms/ReasonForm.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { useAddressRequestCreate } from './housing-api.js';

/**
 * Someone outside the apartment's coordinators asks to see its address once: a reason, then a
 * housing coordinator who is not the asker decides. The address is never shown here.
 */
export function AskAddressPage({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const ask = useAddressRequestCreate(unitId);
  return (
    <>
      <PageHeading title={t('housing.ask.title')}>
        <p className="mb-0">{t('housing.ask.intro')}</p>
      </PageHeading>
      {ask.data ? (
        <div role="status" className="card shadow-sm p-4">
          <p className="fw-semibold">{t('housing.ask.sent', { unit: ask.data.unitLabel })}</p>
          <Link to="/housing/address-requests">{t('housing.ask.follow')}</Link>
        </div>
      ) : (
        <ReasonForm
          id="address-ask-reason"
          label={t('housing.ask.reason')}
          hint={t('housing.ask.reasonHint')}
          schema={ZAddressRequestInputSchema.shape.reason}
          submitLabel={t('housing.ask.submit')}
          tone="primary"
          pending={ask.isPending}
          error={ask.error}
          onSubmit={(reason) => ask.mutate(reason)}
        />
      )}
    </>
  );
}
