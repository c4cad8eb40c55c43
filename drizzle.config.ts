import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the *.sql.ts table files and committed as reviewed SQL;
// row-level security, roles and grants live in hand-written migrations beside them.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/server/platform/**/*.sql.ts', './src/server/modules/**/*.sql.ts'],
  out: './db/migrations',
});
