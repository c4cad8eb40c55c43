// `npm start` builds the operator app only when its sources are newer than the last build,
// so a second start is immediate and a fresh clone still gets a build.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const built = 'dist/web/index.html';
const sources = Math.max(newest('src/web'), newest('src/contracts'), statSync('package-lock.json').mtimeMs);
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  console.log('Trama: building the operator app (vite build)…');
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
}
