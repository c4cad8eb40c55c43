import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZProcessingCompletionSchema } from '../../../contracts/privacy.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { queryRows } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { knownActivity, processingRegister } from './privacy-register.js';
import { registerPdf, registerXlsx } from './privacy-register-files.js';
import { auditPrivacy, TODAY } from './privacy-shared.js';

/** The record of processing (issue 23, item 4): read, completed and exported by the DPO, audited. */
export async function getRegister({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const register = await processingRegister(tx);
      await auditPrivacy({ tx, ctx, action: 'privacy.register_read', recordType: 'privacy_processing' });
      return register;
    },
  });
}

export async function completeActivity({
  deps,
  ctx,
  key,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  key: string;
  input: z.infer<typeof ZProcessingCompletionSchema>;
}) {
  if (!knownActivity(key)) throw problems.notFound();
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await tx.execute(sql`insert into privacy_processing_entries (activity_key, controller, processors, transfers, notes, updated_by)
          values (${key}, ${input.controller}, ${input.processors}, ${input.transfers}, ${input.notes}, ${ctx.userId})
          on conflict (activity_key) do update set controller = excluded.controller, processors = excluded.processors,
            transfers = excluded.transfers, notes = excluded.notes, updated_by = excluded.updated_by, updated_at = now()`);
      await auditPrivacy({
        tx,
        ctx,
        action: 'privacy.register_completed',
        recordType: 'privacy_processing',
        details: { activity: key },
      });
      return (await processingRegister(tx)).find((a) => a.key === key)!;
    },
  });
}

export async function exportRegister({
  deps,
  ctx,
  format,
}: {
  deps: Deps;
  ctx: AccessContext;
  format: 'pdf' | 'xlsx';
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const register = await processingRegister(tx);
      const [{ today }] = (await queryRows<{ today: string }>(
        tx,
        sql`select to_char(${TODAY}, 'DD/MM/YYYY') as today`,
      )) as [{ today: string }];
      await auditPrivacy({
        tx,
        ctx,
        action: 'privacy.register_exported',
        recordType: 'privacy_processing',
        details: { format },
      });
      const stamp = today.split('/').reverse().join('-');
      return format === 'pdf'
        ? {
            body: await registerPdf(register, { on: today }),
            filename: `registro-trattamenti-${stamp}.pdf`,
            type: 'application/pdf',
          }
        : {
            body: await registerXlsx(register, { on: today }),
            filename: `registro-trattamenti-${stamp}.xlsx`,
            type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          };
    },
  });
}
