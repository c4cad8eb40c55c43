import { sql } from 'drizzle-orm';
import { countOf } from '../../platform/db/client.js';
import type { TramaModule } from '../../platform/module.js';
import { USERS_AUDIT_ACTIONS, USERS_RECORD_TABLES } from './users.audit.js';
import { USERS_FIELD_CLASSES, USERS_RETENTION } from './users.fields.js';
import { usersRoutes } from './users.routes.js';

export const usersModule: TramaModule = {
  name: 'users',
  fieldClasses: USERS_FIELD_CLASSES,
  retention: USERS_RETENTION,
  auditActions: USERS_AUDIT_ACTIONS,
  recordTables: USERS_RECORD_TABLES,
  routes: usersRoutes,
  attention: async ({ tx, ctx }) => [
    ...(ctx.permissions.has('users.write')
      ? [
          {
            kind: 'mfa_not_enrolled_users' as const,
            count: await countOf(
              tx,
              sql`select count(*)::int as n from users where mfa_enrolled_at is null and disabled_at is null`,
            ),
            link: '/users',
          },
        ]
      : []),
    ...(ctx.permissions.has('roles.approve')
      ? [
          {
            // Roles waiting for a second person that this viewer may decide (not their own asks).
            kind: 'role_grants_to_decide' as const,
            count: await countOf(
              tx,
              sql`select count(*)::int as n from role_grants where status = 'pending' and expires_at > now()
                   and requested_by <> ${ctx.userId} and user_id <> ${ctx.userId}
                   and (role <> 'dpo' or trama_may_approve_dpo(user_id))`,
            ),
            link: '/role-grants',
          },
        ]
      : []),
    {
      kind: 'password_old' as const,
      count: await countOf(
        tx,
        sql`select count(*)::int as n from users where id = ${ctx.userId} and password_changed_at < now() - interval '365 days'`,
      ),
      link: '/account/password',
    },
  ],
};
