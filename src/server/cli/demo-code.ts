import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { currentTotp } from '../platform/auth/totp.js';
import { loadConfig } from '../platform/config/config.js';
import { DEMO_ACCOUNTS_FILE, type DemoAccount } from '../seed/demo.js';
import { failCli } from './cli-common.js';

// Prints the current two-factor code of a demo account, so every role can be tried without a phone.
const config = loadConfig();
if (config.mode !== 'demo') failCli('demo:code works in demo mode only');
const username = process.argv[2];
if (!username) failCli('usage: npm run demo:code -- <username>');
const file = join(config.dataDir, DEMO_ACCOUNTS_FILE);
if (!existsSync(file)) failCli(`no demo accounts in ${config.dataDir}: run npm start first`);
const account = (JSON.parse(readFileSync(file, 'utf8')) as DemoAccount[]).find(
  (a) => a.username === username,
);
if (!account) failCli(`no demo account named ${username}`);
const remaining = 30 - (Math.floor(Date.now() / 1000) % 30);
console.log(currentTotp(account.totpSecret));
console.error(`(valid for ${remaining} more seconds)`);
