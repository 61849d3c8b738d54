/**
 * The content rules applied to a whole record file by the site itself, for the paths that do
 * not go through `npm run check`: `astro dev` previewing an untrusted change, or `astro build`
 * run directly. A refused record stops the page with the same messages the check prints.
 * Not pure: reads the record file.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { formatProblem, type Problem } from '../records/problems.ts';
import { checkBody, type BodyCheck, type BodyFormat } from './body.ts';
import { bodyImageFileProblems } from './media.ts';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** A record that breaks the content rules; the message lists every problem. */
export class UnsafeContentError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(
      `refused by the content rules (npm run check) / 不符合内容规则：\n${problems.map(formatProblem).join('\n')}`,
    );
    this.name = 'UnsafeContentError';
    this.problems = problems;
  }
}

/** The body format of a record file, from its extension. */
export function formatOf(path: string): BodyFormat {
  return path.endsWith('.mdx') ? 'mdx' : 'md';
}

/** Line in `text` where `part` starts (1 when it is not found as it is). */
export function lineOf(text: string, part: string): number {
  const index = text.indexOf(part);
  return index <= 0 ? 1 : text.slice(0, index).split('\n').length;
}

/**
 * Frontmatter fields that Astro's pipeline acts on before any schema sees them: an MDX
 * `layout` is imported and run as a module.
 */
export function pipelineFieldProblems(frontmatter: unknown): Problem[] {
  if (frontmatter === null || typeof frontmatter !== 'object' || !('layout' in frontmatter))
    return [];
  return [
    {
      field: 'layout',
      en: 'a record may not name a layout (Astro would import and run it)',
      zh: '记录不能指定 layout（Astro 会导入并执行它）',
      fix: 'remove the layout field; the site chooses the page layout / 请删除 layout 字段',
    },
  ];
}

/**
 * The frontmatter as data, when it could name a layout. Parsing YAML is the slow part of the
 * check, so frontmatter without the word and without escapes (which could spell it) is skipped.
 */
function frontmatterNamingLayout(yaml: string): unknown {
  if (!/layout|\\/i.test(yaml)) return undefined;
  try {
    return parse(yaml);
  } catch {
    return undefined; // malformed YAML fails the content loader on its own
  }
}

/**
 * What the text of each record file, as last read, breaks: every record renders twice. Kept by
 * the text's digest, not the text: at 100,000 records the texts would hold a gigabyte for the
 * whole build.
 */
const checked = new Map<string, { digest: string } & BodyCheck>();

/** The body and frontmatter checks of a record file's text (its files are looked at apart). */
function checkRecordText(path: string, text: string): BodyCheck {
  const digest = createHash('sha256').update(text).digest('base64');
  const known = checked.get(path);
  if (known?.digest === digest) return known;
  const match = FRONTMATTER.exec(text);
  const body = match ? text.slice(match[0].length) : text;
  const bodyLine = match ? match[0].split('\n').length : 1;
  const result = checkBody(body, formatOf(path), bodyLine);
  result.problems.push(...pipelineFieldProblems(frontmatterNamingLayout(match?.[1] ?? '')));
  checked.set(path, { digest, ...result });
  return result;
}

/** Every problem the content rules find in the record file at `path` (absolute). */
export function recordFileProblems(path: string, root = process.cwd()): Problem[] {
  const file = relative(root, path).split(sep).join('/');
  const { problems, images } = checkRecordText(path, readFileSync(path, 'utf8'));
  // the images are looked at every time: they can change without the record changing
  return [...problems, ...bodyImageFileProblems(dirname(path), images)].map((p) => ({
    ...p,
    file,
  }));
}

/** Throws `UnsafeContentError` when the record file at `path` breaks the content rules. */
export function assertSafeRecordFile(path: string, root = process.cwd()): void {
  const problems = recordFileProblems(path, root);
  if (problems.length > 0) throw new UnsafeContentError(problems);
}
