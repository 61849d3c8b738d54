/**
 * Imports run one way: content → src/lib → pages and islands; scripts/ may import src/, never the
 * reverse. The project's ESLint configuration enforces it; these tests lint small in-memory files
 * placed under src/ and scripts/ with ESLint's Node API and the real configuration.
 */
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: root });

/** Messages of the import-direction rule for `code` linted as if it were the file at `path`. */
async function importProblems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.fatal)
    .map((m) => m.message);
}

describe('the import direction rule', () => {
  it.each([
    [
      'src/lib/search/probe.ts',
      "import { toSearchDocument } from '../../../scripts/lib/meili/documents.ts';\nexport const f = toSearchDocument;\n",
    ],
    [
      'src/lib/probe.ts',
      "import type { Problem } from '../../scripts/lib/problems.ts';\nexport type P = Problem;\n",
    ],
    [
      'src/islands/search/Probe.tsx',
      "export { startMeili } from '../../../scripts/lib/meili/server.ts';\n",
    ],
    [
      'src/pages/probe.astro',
      "---\nimport { loadRecords } from '../../scripts/lib/content.ts';\nconst n = loadRecords.length;\n---\n<p>{n}</p>\n",
    ],
  ])('rejects %s importing scripts/', async (path, code) => {
    const problems = await importProblems(path, code);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/scripts\//);
  });

  it('accepts src/ importing src/ and scripts/ importing src/', async () => {
    expect(
      await importProblems(
        'src/lib/search/probe.ts',
        "import { recordPath } from '../site/urls.ts';\nexport const f = recordPath;\n",
      ),
    ).toEqual([]);
    expect(
      await importProblems(
        'scripts/lib/meili/probe.ts',
        "import { recordPath } from '../../../src/lib/site/urls.ts';\nexport const f = recordPath;\n",
      ),
    ).toEqual([]);
  });
});
