/**
 * `npm run export-data -- [--out DIR]`: writes the large open-data downloads (/data/records.json
 * and each record type's CSV, data and spreadsheet copies) into the built site as streams
 * (scripts/lib/open-data-files.ts). `npm run build` runs it after `astro build`, and a sharded
 * build in the shard that holds the shared pages.
 */
import { join } from 'node:path';
import { commandLine, fromCaller } from './lib/command-line.ts';
import { exportOpenData } from './lib/open-data-files.ts';
import { root } from './lib/run-step.ts';

const usage = `usage / 用法: npm run export-data -- [--out DIR]

  --out DIR  the built site to write into (default dist)`;
const { values } = commandLine(
  {
    options: {
      out: { type: 'string', default: 'dist' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  },
  usage,
);
if (values.help) {
  console.log(usage);
  process.exit(0);
}

try {
  const started = performance.now();
  const out = fromCaller(values.out);
  const written = await exportOpenData(root, out);
  const bytes = [...written.values()].reduce((sum, n) => sum + n, 0);
  console.log(
    `${String(written.size)} files, ${(bytes / 1e6).toFixed(1)} MB into ${join(out, 'data')}; ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
} catch (error) {
  console.error(`✗ ${(error as Error).message}`);
  process.exit(1);
}
