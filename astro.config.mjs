// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
import { defineConfig, envField } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { contentSafety } from './src/lib/content-safety/plugin.ts';
import { leanDataStoreIntegration } from './src/lib/site/lean-data-store.ts';
import { buildShardIntegration } from './src/lib/site/shard-integration.ts';

// The public address of the site, used for canonical links, IIIF ids and the sitemap.
const site = process.env.SITE_URL ?? 'http://localhost:4321';

export default defineConfig({
  site,
  output: 'static',
  trailingSlash: 'always',
  // Four pages at a time: while one page's files are written the next renders (measured at
  // 10,000 records: page generation 104 s → 77 s; 8 at a time gained nothing more).
  build: { format: 'directory', concurrency: 4 },
  i18n: {
    locales: ['zh', 'en'],
    defaultLocale: 'zh',
    routing: { prefixDefaultLocale: false },
  },
  // Records are untrusted input: the content rules refuse a forbidden body while it compiles,
  // before MDX is evaluated (MDX uses this processor too).
  env: {
    schema: {
      // `npm run build -- --shard i/n` builds one part of the site (see src/lib/site/shard.ts).
      BUILD_SHARD: envField.string({ context: 'server', access: 'public', optional: true }),
    },
  },
  markdown: { processor: satteri({ mdastPlugins: [contentSafety] }) },
  integrations: [
    mdx(),
    react(),
    buildShardIntegration(),
    leanDataStoreIntegration(),
    {
      // `client:intent`: hydrate an island when the visitor turns to it (the search page).
      name: 'baigong-client-intent',
      hooks: {
        'astro:config:setup': ({ addClientDirective }) =>
          addClientDirective({
            name: 'intent',
            entrypoint: fileURLToPath(
              new URL('./src/islands/directives/intent.ts', import.meta.url),
            ),
          }),
      },
    },
  ],
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
});
