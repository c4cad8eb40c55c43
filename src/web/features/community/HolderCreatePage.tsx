import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../ui/PageHeading.js';
import { useHolderSave } from './community-api.js';
import { holderToValues } from './community-forms.js';
import { HolderForm } from './HolderForm.js';
import { ReferenceLoaded } from './ReferenceLoaded.js';

/** A new community holder; its people, needs and links are added on its page. */
export function HolderCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useHolderSave(null);
  const back = () => navigate({ to: '/community' });
  return (
    <>
      <p>
        <Link to="/community">{t('community.detail.back')}</Link>
      </p>
      <PageHeading title={t('community.holders.new')}>
        <p className="mb-0">{t('community.holderForm.intro')}</p>
      </PageHeading>
      <ReferenceLoaded>
        {() => (
          <HolderForm
            defaultValues={holderToValues()}
            existing={false}
            submitLabel={t('community.holderForm.create')}
            error={create.error}
            onSubmit={async (body) => {
              const holder = await create.mutateAsync(body);
              await navigate({ to: '/community/holders/$holderId', params: { holderId: holder.id } });
            }}
            onCancel={back}
          />
        )}
      </ReferenceLoaded>
    </>
  );
}
