// npm run verify [-- --json]: re-hash masters and compare with content/fixity.json.
// Exit 1 on any changed, missing or new master.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatVerify, runVerify } from './lib/ingest/verify.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const json = args.includes('--json');
const rootArg = args.indexOf('--root');
const result = await runVerify({ root: rootArg >= 0 ? resolve(args[rootArg + 1] ?? '.') : root });
if (json) {
  const { diff } = result;
  process.stdout.write(
    `${JSON.stringify(
      {
        ok: result.exitCode === 0,
        ok_count: diff.ok.length,
        changed: diff.changed,
        missing: diff.missing,
        new: diff.added,
      },
      null,
      2,
    )}\n`,
  );
} else {
  process.stdout.write(`${formatVerify(result.diff)}\n`);
}
process.exitCode = result.exitCode;
