/**
 * The build benchmark at scale grows the archive with synthetic works made from the real imported
 * ones; they must be records the check accepts (else the build measured would not be the real
 * one) and each must be its own record.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  addSyntheticWorks,
  SYNTHETIC_ID_BASE,
  syntheticWork,
} from '../../../scripts/lib/bench-scale.ts';
import { checkContent } from '../../../scripts/lib/check.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const templates = readdirSync(join(root, 'content', 'works'))
  .filter((name) => name.startsWith('ima-'))
  .sort()
  .slice(0, 3);
const scratch = mkdtempSync(join(tmpdir(), 'synthetic-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('synthetic works for the build benchmark', () => {
  it('copies the imported works in turn, each with its own ID, import key and titles', () => {
    const content = join(scratch, 'content');
    for (const name of templates)
      cpSync(join(root, 'content', 'works', name), join(content, 'works', name), {
        recursive: true,
      });
    expect(addSyntheticWorks(content, 7)).toBe(7);
    const folders = readdirSync(join(content, 'works')).filter((n) => n.startsWith('synthetic-'));
    expect(folders).toHaveLength(7);
    const texts = folders.map((f) => readFileSync(join(content, 'works', f, 'index.md'), 'utf8'));
    const ids = texts.map((t) => /^id: (BGW-\d{6})$/m.exec(t)?.[1]);
    expect(new Set(ids).size).toBe(7);
    expect(ids).toContain(`BGW-${String(SYNTHETIC_ID_BASE + 6)}`);
    expect(texts.every((t) => /key: ".+#synthetic-\d+"/.test(t))).toBe(true);

    const result = checkContent(scratch, content);
    expect(result.records).toBe(10);
    expect(result.problems.filter((p) => !p.warning)).toEqual([]);
  });

  it('refuses a template it cannot make its own', () => {
    expect(() => syntheticWork('---\ntitle: x\n---\n', 1)).toThrow(/no id or import key/);
  });
});
