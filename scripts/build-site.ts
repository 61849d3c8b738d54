/**
 * `npm run build`: check the content, ingest the media, then build the static site into dist/.
 * Search settings for the browser come from PUBLIC_MEILI_HOST / PUBLIC_MEILI_SEARCH_KEY when set
 * (`npm start` sets them); without them the search page uses its static fallback.
 */
import { binPath, mustRun, StepError } from './lib/run-step.ts';

export async function buildSite(env: NodeJS.ProcessEnv = {}): Promise<void> {
  await mustRun(['scripts/check-content.ts'], { title: 'Checking content / 检查内容' });
  await mustRun(['scripts/ingest-media.ts'], { title: 'Ingesting media / 处理媒体' });
  await mustRun([binPath('astro'), 'build'], { title: 'Building the site / 构建网站', env });
}

if (import.meta.main) {
  try {
    await buildSite();
  } catch (error) {
    console.error(`\n✗ ${(error as Error).message}`);
    process.exit(error instanceof StepError ? error.code : 1);
  }
}
