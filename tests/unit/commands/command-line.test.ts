/**
 * Every entry script reads its options with util.parseArgs through scripts/lib/command-line.ts:
 * an unknown option or a bad number stops the command before it does any work, with the problem,
 * the usage and exit code 2. The real scripts run in a child Node.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../../..');

function run(script: string, args: string[]) {
  const result = spawnSync(process.execPath, [join(repo, 'scripts', script), ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, BAIGONG_ROOT: repo },
  });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}

describe('the command line of the entry scripts', () => {
  it.each([
    ['check-content.ts', ['--jsn'], /Unknown option '--jsn'[\s\S]*npm run check -- \[--json\]/],
    ['verify-masters.ts', ['--rooot', '.'], /Unknown option '--rooot'[\s\S]*npm run verify/],
    ['ingest-media.ts', ['--jobs', '0'], /--jobs expects a whole number of at least 1, got "0"/],
    ['ingest-media.ts', ['--job', '2'], /Unknown option '--job'[\s\S]*npm run ingest/],
    ['import-records.ts', ['--map', 'ima', '--limit', 'ten'], /--limit 应为不小于 1 的整数/],
    ['generate-models.ts', ['--chek'], /Unknown option '--chek'[\s\S]*generate:models/],
  ])('%s %j stops with the usage and exit code 2', (script, args, message) => {
    const { status, stderr } = run(script, args);
    expect(stderr).toMatch(message);
    expect(status).toBe(2);
  });

  it('is read with util.parseArgs in every entry script, never from process.argv by hand', () => {
    const scripts = readdirSync(join(repo, 'scripts')).filter((name) => name.endsWith('.ts'));
    const byHand = scripts.filter((name) => {
      const text = readFileSync(join(repo, 'scripts', name), 'utf8');
      // Scripts that hand their arguments on whole (dev → astro dev, test-e2e → playwright) may.
      return /process\.argv\.(indexOf|includes)|process\.argv\[/.test(text);
    });
    expect(byHand).toEqual([]);
  });
});
