// npm run verify [-- --json]: re-hash masters and compare with content/fixity.json.
// Exit 1 on any changed, missing or new master.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandLine } from './lib/command-line.ts';
import { formatVerify, runVerify } from './lib/ingest/verify.ts';

const usage = 'usage / 用法: npm run verify -- [--json] [--root DIR]';
const { values } = commandLine(
  { options: { json: { type: 'boolean', default: false }, root: { type: 'string' } } },
  usage,
);
const root = resolve(values.root ?? resolve(dirname(fileURLToPath(import.meta.url)), '..'));
const result = await runVerify({ root });
if (values.json) {
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
