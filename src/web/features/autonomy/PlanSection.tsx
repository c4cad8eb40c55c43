import type { ReactNode } from 'react';
import type { TPlan } from '../../../contracts/autonomy.js';

/** Whether the viewer may change the plan now: one who writes it, while it is open. */
export const planWritable = (plan: TPlan) => plan.canWrite && plan.status === 'active';

/**
 * A section of the plan's page: its heading (`<id>-heading`), the button that opens its editor
 * when there is one to open (`action`), and what the last change did, said as a status line.
 */
export function PlanSection({
  id,
  title,
  action,
  onAction,
  outline = false,
  notice,
  children,
}: {
  id: string;
  title: string;
  /** The button's words; nothing when the section cannot be changed now or its editor is open. */
  action?: string | false;
  onAction?: () => void;
  outline?: boolean;
  notice: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="mb-5">
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
        <h2 id={`${id}-heading`} className="h4 mb-0">
          {title}
        </h2>
        {action && (
          <button
            type="button"
            className={`btn ${outline ? 'btn-outline-primary' : 'btn-primary'} btn-sm`}
            onClick={onAction}
          >
            {action}
          </button>
        )}
      </div>
      <p role="status" className={notice ? 'fw-semibold' : 'visually-hidden'}>
        {notice}
      </p>
      {children}
    </section>
  );
}
