// npm run ingest [-- --json] [--jobs N] [--sharp-concurrency N] [--site-url URL] [--prune-fixity]
//                [--rehash] [--accept-changed PATH]… [--shard i/n] [--root DIR]
// Turns the masters beside each record into web media (public/media), writes
// generated/media.json, keeps content/fixity.json up to date. Exit 1 when any master failed,
// including a master whose bytes differ from content/fixity.json and was not accepted.
// With --shard i/n, only the masters of the records in shard i of n, written to
// generated/ingest-shards/i-of-n.json for `npm run merge-shards -- --ingest`.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { callerDirectory, commandLine, shardOption, wholeNumber } from './lib/command-line.ts';
import { IngestLockedError } from './lib/ingest/lock.ts';
import { AcceptChangedError, type IngestOptions, runIngest } from './lib/ingest/run.ts';

const usage = `usage / 用法:
  npm run ingest -- [--json] [--jobs N] [--sharp-concurrency N] [--site-url URL] [--prune-fixity]
                    [--rehash] [--accept-changed PATH]… [--shard i/n]

  --accept-changed PATH  a master replaced on purpose: record its new hash in content/fixity.json,
                         keeping the old one as history (once per file) / 确认有意替换的母版（每个文件一次）
  --prune-fixity         forget masters that were removed on purpose / 删除已移除母版的记录
  --rehash               re-read every master instead of trusting file times / 重新读取所有母版
  --shard i/n            only the records of shard i of n (by their folder), for another machine
                         to merge: npm run merge-shards -- --ingest / 只处理第 i 个分片`;

const { values } = commandLine(
  {
    options: {
      json: { type: 'boolean', default: false },
      jobs: { type: 'string' },
      'sharp-concurrency': { type: 'string' },
      'site-url': { type: 'string' },
      'prune-fixity': { type: 'boolean', default: false },
      rehash: { type: 'boolean', default: false },
      'accept-changed': { type: 'string', multiple: true, default: [] },
      shard: { type: 'string' },
      root: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  },
  usage,
);
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const root = resolve(values.root ?? resolve(dirname(fileURLToPath(import.meta.url)), '..'));
// npm runs scripts in the project folder; a path typed by the user is taken from where they were,
// else from the project root (the form the ingest prints).
const cwd = callerDirectory();
const fromUser = (path: string) =>
  isAbsolute(path) || !existsSync(resolve(cwd, path)) ? resolve(root, path) : resolve(cwd, path);

const options: IngestOptions = {
  root,
  json: values.json,
  pruneFixity: values['prune-fixity'],
  rehash: values.rehash,
  acceptChanged: values['accept-changed'].map(fromUser),
};
const jobs = wholeNumber('jobs', values.jobs, usage);
const concurrency = wholeNumber('sharp-concurrency', values['sharp-concurrency'], usage);
if (jobs !== undefined) options.jobs = jobs;
if (concurrency !== undefined) options.sharpConcurrency = concurrency;
if (values['site-url'] !== undefined) options.siteUrl = values['site-url'];
const shard = shardOption(values.shard, usage);
if (shard) options.shard = shard;

try {
  const { exitCode } = await runIngest(options);
  process.exitCode = exitCode;
} catch (error) {
  if (!(error instanceof IngestLockedError) && !(error instanceof AcceptChangedError)) throw error;
  console.error(`✗ ${error.message}`);
  process.exitCode = error instanceof AcceptChangedError ? 2 : 1;
}
