/**
 * `npm run bench:lighthouse`: Lighthouse (mobile preset) on the home, gallery, work and search
 * pages, as in `npm test` but with more runs per page (LIGHTHOUSE_RUNS, default 5) and nothing
 * else running. Builds the site against a fresh Meilisearch like the end-to-end tests, then
 * writes bench/results/lighthouse.json.
 */
import { join } from 'node:path';
import { root, runNode } from './lib/run-step.ts';

const code = await runNode(
  [join(root, 'scripts/test-e2e.ts'), '--project', 'lighthouse', '--no-deps'],
  {
    title: 'Lighthouse benchmark / Lighthouse 性能测量',
    env: {
      LIGHTHOUSE_RESULTS: 'bench/results/lighthouse.json',
      LIGHTHOUSE_RUNS: process.env.LIGHTHOUSE_RUNS ?? '5',
    },
  },
);
process.exit(code);
