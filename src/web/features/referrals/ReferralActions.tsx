import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TReferral } from '../../../contracts/index.js';
import { useCan } from '../../session/session.js';
import { ConfirmPanel } from '../../ui/ConfirmPanel.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { ReasonForm } from '../../ui/forms/ReasonForm.js';
import { useReferralMutations } from './referrals-api.js';
import { SendPanel } from './SendPanel.js';

type Open = null | 'send' | 'delete' | 'revoke' | 'close' | 'decline';

/** What the viewer may do now: the sender edits, sends, revokes or closes; the recipient answers. */
export function ReferralActions({
  referral,
  onEdit,
  onAction,
}: {
  referral: TReferral;
  onEdit: () => void;
  /** Called when the viewer starts an action: a success notice of an earlier step no longer holds. */
  onAction: () => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const actions = useReferralMutations(referral.id);
  const [open, setOpen] = useState<Open>(null);
  const sender = referral.view === 'sender' && can('referrals.send');
  const recipient = referral.view === 'recipient' && can('referrals.answer');
  const { status } = referral;

  const buttons: { key: Exclude<Open, null> | 'edit' | 'accept'; label: string; danger?: boolean }[] = [];
  if (sender && status === 'draft') {
    buttons.push({ key: 'edit', label: t('referrals.actions.edit') });
    buttons.push({ key: 'send', label: t('referrals.actions.send') });
    buttons.push({ key: 'delete', label: t('referrals.actions.delete'), danger: true });
  }
  if (sender && status === 'sent')
    buttons.push({ key: 'revoke', label: t('referrals.actions.revoke'), danger: true });
  // An accepted referral closes with its case; a declined one is filed by its sender.
  if (sender && status === 'declined') buttons.push({ key: 'close', label: t('referrals.actions.close') });
  if (recipient && status === 'sent') {
    buttons.push({ key: 'accept', label: t('referrals.actions.accept') });
    buttons.push({ key: 'decline', label: t('referrals.actions.decline'), danger: true });
  }
  if (buttons.length === 0) return null;

  async function accept() {
    try {
      const { caseId, consultationId } = await actions.accept.mutateAsync();
      if (consultationId)
        await navigate({ to: '/consultations/$consultationId', params: { consultationId } });
      else if (caseId) await navigate({ to: '/cases/$caseId', params: { caseId } });
    } catch {
      // The problem (409: someone else answered first) is shown below.
    }
  }

  function choose(key: (typeof buttons)[number]['key']) {
    onAction();
    if (key === 'edit') onEdit();
    else if (key === 'accept') void accept();
    else setOpen(key);
  }

  const failed = actions.accept.error ?? actions.close.error ?? actions.remove.error;

  return (
    <section aria-labelledby="referral-actions-heading" className="mb-4">
      <h2 id="referral-actions-heading" className="h4">
        {t('referrals.actions.title')}
      </h2>
      {failed ? <ActionProblem error={failed} /> : null}
      {open === null && (
        <div className="d-flex flex-wrap gap-2">
          {buttons.map((button) => (
            <button
              key={button.key}
              type="button"
              className={`btn btn-sm ${button.danger ? 'btn-outline-danger' : 'btn-primary'}`}
              disabled={actions.accept.isPending}
              onClick={() => choose(button.key)}
            >
              {button.label}
            </button>
          ))}
        </div>
      )}
      {actions.accept.error && referral.caseId ? (
        <Link to="/cases/$caseId" params={{ caseId: referral.caseId }}>
          {t('referrals.detail.openCase')}
        </Link>
      ) : null}
      {open === 'send' && <SendPanel referral={referral} onCancel={() => setOpen(null)} />}
      {open === 'delete' && (
        <ConfirmPanel
          message={t('referrals.actions.confirmDelete')}
          confirmLabel={t('referrals.actions.confirmDeleteButton')}
          pending={actions.remove.isPending}
          onConfirm={() =>
            actions.remove.mutate(undefined, {
              onSuccess: () => void navigate({ to: '/referrals', search: { box: 'sent' } }),
              onError: () => setOpen(null),
            })
          }
          onCancel={() => setOpen(null)}
        />
      )}
      {open === 'close' && (
        <ConfirmPanel
          message={t('referrals.actions.confirmClose')}
          confirmLabel={t('referrals.actions.confirmCloseButton')}
          pending={actions.close.isPending}
          onConfirm={() => actions.close.mutate(undefined, { onSettled: () => setOpen(null) })}
          onCancel={() => setOpen(null)}
        />
      )}
      {open === 'revoke' && (
        <ReasonForm
          id="referral-revoke-reason"
          label={t('referrals.actions.revokeReason')}
          submitLabel={t('referrals.actions.confirmRevoke')}
          note={<p>{t('referrals.actions.revokeNote')}</p>}
          pending={actions.revoke.isPending}
          error={actions.revoke.error}
          onSubmit={(reason) => actions.revoke.mutate(reason, { onSuccess: () => setOpen(null) })}
          onCancel={() => {
            actions.revoke.reset();
            setOpen(null);
          }}
        />
      )}
      {open === 'decline' && (
        <ReasonForm
          id="referral-decline-reason"
          label={t('referrals.actions.declineReason')}
          submitLabel={t('referrals.actions.confirmDecline')}
          pending={actions.decline.isPending}
          error={actions.decline.error}
          onSubmit={(reason) => actions.decline.mutate(reason, { onSuccess: () => setOpen(null) })}
          onCancel={() => {
            actions.decline.reset();
            setOpen(null);
          }}
        />
      )}
    </section>
  );
}
