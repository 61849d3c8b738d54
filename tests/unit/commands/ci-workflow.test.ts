/**
 * The shipped CI workflow (.github/workflows/publish-sharded.yml) runs what this repository has:
 * every `npm run` names a script of package.json, every shard matrix is 1 … SHARDS, each shard is
 * ingested and built with `--shard i/SHARDS`, and the publish job merges before it uploads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..', '..');

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string;
  strategy?: { matrix?: { shard?: number[] } };
  steps: Step[];
}
interface Workflow {
  env: Record<string, string | number>;
  jobs: Record<string, Job>;
}

const workflow = parse(
  readFileSync(join(root, '.github', 'workflows', 'publish-sharded.yml'), 'utf8'),
) as Workflow;
const scripts = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;
const runs = (job: Job) => job.steps.flatMap((step) => (step.run ? [step.run] : []));

describe('the sharded publishing workflow', () => {
  it('runs only npm scripts the project has', () => {
    const named = Object.values(workflow.jobs)
      .flatMap(runs)
      .flatMap((run) => [...run.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!));
    expect(named.length).toBeGreaterThan(4);
    for (const name of named) expect(Object.keys(scripts)).toContain(name);
  });

  it('ingests and builds every shard of SHARDS, then merges and publishes', () => {
    const count = Number(workflow.env['SHARDS']);
    const all = Array.from({ length: count }, (_, i) => i + 1);
    const { ingest, build, publish } = workflow.jobs;
    expect(ingest!.strategy?.matrix?.shard).toEqual(all);
    expect(build!.strategy?.matrix?.shard).toEqual(all);
    expect(runs(ingest!)).toContain(
      'npm run ingest -- --shard ${{ matrix.shard }}/${{ env.SHARDS }}',
    );
    expect(runs(build!)).toEqual(
      expect.arrayContaining([
        'npm run merge-shards -- --ingest',
        'npm run build -- --shard ${{ matrix.shard }}/${{ env.SHARDS }}',
      ]),
    );
    expect(build!.needs).toBe('ingest');
    expect(publish!.needs).toBe('build');
    const steps = publish!.steps.map((s) => s.run ?? s.uses ?? '');
    const merge = steps.indexOf('npm run merge-shards');
    const upload = steps.findIndex((s) => s.startsWith('actions/upload-pages-artifact'));
    expect(merge).toBeGreaterThan(-1);
    expect(upload).toBeGreaterThan(merge);
  });

  it('keeps the shard stamps when it hands the shards on', () => {
    const upload = workflow.jobs['build']!.steps.find((s) =>
      s.uses?.startsWith('actions/upload-artifact'),
    );
    expect(upload?.with?.['path']).toBe('dist-shards/');
    expect(upload?.with?.['include-hidden-files']).toBe(true);
  });
});
