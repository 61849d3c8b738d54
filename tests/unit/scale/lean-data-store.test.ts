import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'devalue';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_STORE_MODULE, dataStoreModuleCode } from '../../../src/lib/site/lean-data-store.ts';

const root = resolve(import.meta.dirname, '../../..');
// inside the project, so the module's bare `devalue` import resolves as it does in a build
const dir = join(root, 'node_modules', '.cache', 'lean-data-store-test');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the build’s content store module', () => {
  it('is the module Astro loads the store from', () => {
    // the integration only takes effect while Astro keeps this name for the store's module
    const consts = readFileSync(join(root, 'node_modules/astro/dist/content/consts.js'), 'utf8');
    expect(consts).toContain(`DATA_STORE_VIRTUAL_ID = "${DATA_STORE_MODULE.slice(1)}"`);
    expect(consts).toContain('RESOLVED_DATA_STORE_VIRTUAL_ID = "\\0" + DATA_STORE_VIRTUAL_ID');
  });

  it('reads the store file when it runs and leaves out the rendered frontmatter copies', async () => {
    const work = {
      id: 'jade-cong',
      data: { id: 'BGW-000001', title: { zh: '玉琮', en: 'Jade cong' } },
      body: '正文',
      rendered: {
        html: '<p>正文</p>',
        metadata: { headings: [], frontmatter: { id: 'BGW-000001', title: { zh: '玉琮' } } },
      },
    };
    const person = { id: 'p', data: { id: 'BGP-000001' } };
    const store = new Map([
      ['works', new Map([['jade-cong', work]])],
      ['people', new Map([['p', person]])],
    ]);
    mkdirSync(dir, { recursive: true });
    const storeFile = join(dir, 'data-store.json');
    writeFileSync(storeFile, stringify(store));
    const code = dataStoreModuleCode(storeFile);
    expect(code).not.toContain('玉琮'); // the records are read when it runs, not inlined
    const moduleFile = join(dir, 'store.mjs');
    writeFileSync(moduleFile, code);
    const loaded = (await import(pathToFileURL(moduleFile).href)) as {
      default: Map<string, Map<string, unknown>>;
    };
    expect(loaded.default).toBeInstanceOf(Map);
    expect(loaded.default.get('people')?.get('p')).toEqual(person);
    expect(loaded.default.get('works')?.get('jade-cong')).toEqual({
      ...work,
      rendered: { html: '<p>正文</p>', metadata: { headings: [] } },
    });
  });
});
