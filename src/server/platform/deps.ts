import type { Config } from './config/config.js';
import type { Keyring } from './crypto/field-crypto.js';
import type { Database, Db } from './db/client.js';
import type { Mailer } from './mail/mailer.js';

/** What every route plugin is given: built once in buildApp, never module-global. */
export interface Deps {
  database: Database;
  db: Db;
  keyring: Keyring;
  mailer: Mailer;
  config: Config;
}
