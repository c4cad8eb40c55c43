import { useTranslation } from 'react-i18next';

/** "Are you sure?" for an irreversible action: the question, the dangerous button and Cancel. */
export function ConfirmPanel({
  message,
  confirmLabel,
  onConfirm,
  onCancel,
  pending,
  className,
}: {
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  pending: boolean;
  className?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className={`alert alert-warning ${className ?? ''}`} role="alert">
      <p>{message}</p>
      <div className="d-flex flex-wrap gap-2">
        <button type="button" className="btn btn-danger btn-sm" onClick={onConfirm} disabled={pending}>
          {confirmLabel}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
