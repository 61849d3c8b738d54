// npm run ingest [-- --json] [--jobs N] [--sharp-concurrency N] [--site-url URL] [--prune-fixity]
//                [--rehash] [--root DIR]
// Turns the masters beside each record into web media (public/media), writes
// generated/media.json, keeps content/fixity.json up to date. Exit 1 when any master failed.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IngestLockedError } from './lib/ingest/lock.ts';
import { type IngestOptions, runIngest } from './lib/ingest/run.ts';

const args = process.argv.slice(2);
function value(flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}
function number(flag: string): number | undefined {
  const v = value(flag);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`${flag} expects a positive integer, got "${v}"`);
    process.exit(2);
  }
  return n;
}
if (args.includes('--help') || args.includes('-h')) {
  console.log(
    'usage: npm run ingest -- [--json] [--jobs N] [--sharp-concurrency N] [--site-url URL] [--prune-fixity] [--rehash]',
  );
  process.exit(0);
}

const root = resolve(value('--root') ?? resolve(dirname(fileURLToPath(import.meta.url)), '..'));
const options: IngestOptions = {
  root,
  json: args.includes('--json'),
  pruneFixity: args.includes('--prune-fixity'),
  rehash: args.includes('--rehash'),
};
const jobs = number('--jobs');
const concurrency = number('--sharp-concurrency');
const siteUrl = value('--site-url');
if (jobs !== undefined) options.jobs = jobs;
if (concurrency !== undefined) options.sharpConcurrency = concurrency;
if (siteUrl !== undefined) options.siteUrl = siteUrl;

try {
  const { exitCode } = await runIngest(options);
  process.exitCode = exitCode;
} catch (error) {
  if (!(error instanceof IngestLockedError)) throw error;
  console.error(`✗ ${error.message}`);
  process.exitCode = 1;
}
