/**
 * `npm test`: lint, formatting, type check, content check, unit and integration tests, then the
 * end-to-end tests against the built site. Every step runs even when an earlier one fails, and
 * the last line counts the tests: `N passed, N failed`.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { binPath, root, runNode } from './lib/run-step.ts';

const steps: { title: string; args: string[] }[] = [
  { title: 'ESLint', args: [binPath('eslint'), '.'] },
  { title: 'Prettier', args: [binPath('prettier'), '--check', '.'] },
  { title: 'astro check (TypeScript)', args: [binPath('astro'), 'check'] },
  { title: 'Content check / 内容检查', args: ['scripts/check-content.ts'] },
  { title: 'Unit and integration tests (Vitest)', args: [binPath('vitest'), 'run'] },
  { title: 'End-to-end tests (Playwright)', args: ['scripts/test-e2e.ts'] },
];

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function vitestCounts(file: string): Counts | undefined {
  if (!existsSync(file)) return undefined;
  const r = JSON.parse(readFileSync(file, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests,
    skipped: r.numPendingTests + r.numTodoTests,
  };
}

function playwrightCounts(file: string): Counts | undefined {
  if (!existsSync(file)) return undefined;
  const r = JSON.parse(readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  return {
    passed: r.stats.expected + r.stats.flaky,
    failed: r.stats.unexpected,
    skipped: r.stats.skipped,
  };
}

const results = join(root, 'test-results');
rmSync(join(results, 'unit.json'), { force: true });
rmSync(join(results, 'e2e.json'), { force: true });

const failedSteps: string[] = [];
for (const step of steps) {
  const code = await runNode(step.args, { title: step.title });
  if (code !== 0) failedSteps.push(step.title);
}

const counts = [
  vitestCounts(join(results, 'unit.json')),
  playwrightCounts(join(results, 'e2e.json')),
];
const total = counts.reduce<Counts>(
  (sum, c) => ({
    passed: sum.passed + (c?.passed ?? 0),
    failed: sum.failed + (c?.failed ?? 0),
    skipped: sum.skipped + (c?.skipped ?? 0),
  }),
  { passed: 0, failed: 0, skipped: 0 },
);
if (counts.some((c) => c === undefined)) total.failed += 1; // a runner that wrote no report failed to run
console.log('');
for (const title of failedSteps) console.log(`✗ ${title}`);
if (failedSteps.length === 0) console.log('✓ all steps passed');
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(failedSteps.length > 0 || total.failed > 0 ? 1 : 0);
