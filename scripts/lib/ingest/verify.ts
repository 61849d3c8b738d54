// Fixity check: re-hash every master (no caches) and compare with content/fixity.json.
import { join, resolve } from 'node:path';
import { discoverMasters } from './discover.ts';
import {
  acceptCommand,
  type FixityDiff,
  type FixityManifest,
  diffFixity,
  mimeTypeOf,
  readFixity,
  sha256File,
} from './fixity.ts';

export interface VerifyOptions {
  root: string;
  contentDir?: string;
  fixityFile?: string;
}

export interface VerifyResult {
  diff: FixityDiff;
  /** 0 when every master matches the manifest, 1 otherwise. */
  exitCode: number;
}

/** Hash every master (and model resource) on disk. */
export async function hashMasters(contentDir: string): Promise<FixityManifest> {
  const actual: FixityManifest = {};
  for (const master of await discoverMasters(contentDir)) {
    if (master.kind !== 'image' && master.kind !== 'model') continue;
    const files = [master.rel, ...master.resources];
    for (const rel of files) {
      const key = `${master.collection}/${master.slug}/${rel}`;
      try {
        const { sha256, bytes } = await sha256File(join(master.recordDir, rel));
        actual[key] = { sha256, bytes, type: mimeTypeOf(rel) };
      } catch {
        // A missing resource shows up as "missing" in the diff.
      }
    }
  }
  return actual;
}

export async function runVerify(options: VerifyOptions): Promise<VerifyResult> {
  const root = resolve(options.root);
  const contentDir = resolve(root, options.contentDir ?? 'content');
  const fixityFile = resolve(root, options.fixityFile ?? join(contentDir, 'fixity.json'));
  const expected = await readFixity(fixityFile);
  const diff = diffFixity(expected, await hashMasters(contentDir));
  const bad = diff.changed.length + diff.missing.length + diff.added.length;
  return { diff, exitCode: bad === 0 ? 0 : 1 };
}

/** Human-readable verify report. */
export function formatVerify(diff: FixityDiff): string {
  const lines = [
    `Fixity check: ${diff.ok.length} ok, ${diff.changed.length} changed, ${diff.missing.length} missing, ${diff.added.length} new`,
  ];
  for (const c of diff.changed) {
    lines.push(
      `  CHANGED ${c.key}: expected sha256 ${c.expected.sha256.slice(0, 12)}… (${c.expected.bytes} B), found ${c.actual.sha256.slice(0, 12)}… (${c.actual.bytes} B)`,
    );
  }
  for (const m of diff.missing) lines.push(`  MISSING ${m.key}`);
  for (const a of diff.added) lines.push(`  NEW     ${a.key} (not in fixity.json)`);
  if (diff.changed.length > 0) {
    lines.push(
      `A changed master is damage until a curator says otherwise: restore it from backup, or accept a deliberate replacement with \`${acceptCommand(diff.changed.map((c) => `content/${c.key}`))}\` and commit content/fixity.json.`,
    );
  }
  if (diff.missing.length + diff.added.length > 0) {
    lines.push(
      'New masters are recorded by `npm run ingest`, removed ones forgotten by `npm run ingest -- --prune-fixity`; commit content/fixity.json afterwards.',
    );
  }
  return lines.join('\n');
}
