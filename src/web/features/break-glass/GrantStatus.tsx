import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TBreakGlassGrant, ZBreakGlassRevokeSchema } from '../../../contracts/index.js';
import { api } from '../../api/client.js';
import { useLocale } from '../../i18n/index.js';
import { useCan, useSession } from '../../session/session.js';
import { formatDateTime } from '../../ui/format.js';
import { ReasonForm } from '../../ui/forms/ReasonForm.js';

/**
 * The state of one emergency access: active, expired, or ended early (and when). For the DPO and an
 * active access someone else opened, the button that ends it now, with a stated reason.
 */
export function GrantStatus({ grant }: { grant: TBreakGlassGrant }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const can = useCan();
  const session = useSession();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [ended, setEnded] = useState(false);
  const revoke = useMutation({
    mutationFn: (reason: string) =>
      api(`/api/break-glass/${encodeURIComponent(grant.id)}/revoke`, { method: 'POST', body: { reason } }),
    onSuccess: async () => {
      setEnded(true);
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: ['break-glass'] });
    },
  });

  if (grant.revokedAt)
    return (
      // Announced when it was ended from this row; otherwise plain text.
      <span role={ended ? 'status' : undefined}>
        {t('breakGlass.revoke.done', { at: formatDateTime(grant.revokedAt, locale) })}
      </span>
    );
  if (!grant.active) return <>{t('breakGlass.list.expired')}</>;
  const mayEnd = can('break-glass.review') && grant.userId !== session.user.id;
  return (
    <>
      <span className="d-block">{t('breakGlass.list.active')}</span>
      {mayEnd && !open && !ended ? (
        <button
          type="button"
          className="btn btn-outline-danger btn-sm mt-2"
          aria-label={t('breakGlass.revoke.submitNamed', { user: grant.username })}
          onClick={() => setOpen(true)}
        >
          {t('breakGlass.revoke.submit')}
        </button>
      ) : null}
      {mayEnd && open ? (
        <ReasonForm
          id={`revoke-reason-${grant.id}`}
          label={t('breakGlass.revoke.reason')}
          schema={ZBreakGlassRevokeSchema.shape.reason}
          submitLabel={t('breakGlass.revoke.submit')}
          pending={revoke.isPending}
          error={revoke.error}
          onSubmit={(reason) => revoke.mutate(reason)}
          onCancel={() => {
            revoke.reset();
            setOpen(false);
          }}
        />
      ) : null}
    </>
  );
}
