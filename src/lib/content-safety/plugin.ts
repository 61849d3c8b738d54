/**
 * The content rules inside Astro's Markdown and MDX pipeline (astro.config.mjs): a Sätteri mdast
 * plugin that refuses a forbidden body while it is being compiled. It runs first, on the parsed
 * tree, before MDX becomes JavaScript, so an `import`/`export` or `{expression}` in a record is
 * never evaluated, in `astro build` as in `astro dev`.
 * Not pure: reads record files (it runs inside the build).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MdastPluginDefinition } from 'satteri';
import { checkBodyTree, type BodyNode } from './body.ts';
import { bodyImageFileProblems } from './media.ts';
import { lineOf, pipelineFieldProblems, UnsafeContentError } from './record.ts';

/**
 * Line of the compiled source in its file. MDX keeps the frontmatter as blank lines (lines
 * match); a Markdown entry's body comes trimmed and is found in the file.
 */
function firstLineOf(path: string | undefined, source: string): number {
  if (!path || !existsSync(path)) return 1;
  return lineOf(readFileSync(path, 'utf8'), source);
}

export const contentSafety: MdastPluginDefinition = {
  name: 'baigong-content-safety',
  options: { position: true },
  before(root, ctx) {
    const path = ctx.fileURL ? fileURLToPath(ctx.fileURL) : undefined;
    const format = ctx.sourceFormat === 'mdx' ? 'mdx' : 'md';
    const source = ctx.source;
    const { problems, images } = checkBodyTree(
      root as unknown as BodyNode,
      format,
      firstLineOf(path, source),
    );
    const astro = ctx.data['astro'] as { frontmatter?: unknown } | undefined;
    problems.push(...pipelineFieldProblems(astro?.frontmatter));
    if (path) problems.push(...bodyImageFileProblems(dirname(path), images));
    if (problems.length === 0) return;
    const file = path ? relative(process.cwd(), path).split(sep).join('/') : '(markdown)';
    throw new UnsafeContentError(problems.map((p) => ({ ...p, file })));
  },
};
