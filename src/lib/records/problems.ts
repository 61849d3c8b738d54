/**
 * Problems found in content, in the one shape every checker reports:
 * `file:line: field: what is wrong — how to fix it`, in English and Chinese. Here rather than in
 * `scripts/` because the site's build refuses unsafe records with the same messages.
 * Pure.
 */

export interface Problem {
  /** Record file, relative to the project root. */
  file?: string;
  /** Line in that file, where known. */
  line?: number | undefined;
  /** Field path such as `materials.1` or `(YAML)`. */
  field: string;
  /** What is wrong, in English. */
  en: string;
  /** What is wrong, in Chinese. */
  zh: string;
  /** How to fix it (both languages). */
  fix: string;
  /** A warning does not fail the check. */
  warning?: boolean;
}

/** One line per problem, as printed by `npm run check`. */
export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : (problem.file ?? '(project)');
  const level = problem.warning ? 'warning: ' : '';
  return `${where}: ${level}${problem.field}: ${problem.en} / ${problem.zh} — ${problem.fix}`;
}
