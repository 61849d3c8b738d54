/**
 * The shard this build makes (`npm run build -- --shard i/n` sets BUILD_SHARD) and the filters
 * every dynamic route applies to its static paths: a record's pages in the record's shard, the
 * shared pages (indexes, sitemaps, open data …) in the shared shard. Unsharded, both keep all.
 * Not pure: reads the build environment (astro:env).
 */
import { BUILD_SHARD } from 'astro:env/server';
import { ownsRecord, ownsShared, parseShard, type Shard } from './shard.ts';

const shard: Shard | undefined = BUILD_SHARD ? parseShard(BUILD_SHARD) : undefined;

/** A record page's record: the `entry` of a page component or the `ref` of an export. */
type RecordProps = { entry: { data: { id: string } } } | { ref: { data: { id: string } } };

const idOf = (props: RecordProps) => ('entry' in props ? props.entry : props.ref).data.id;

/** The static paths of one record's pages that this shard builds (by the record's stable ID). */
export async function ownRecordPaths<P extends { props: RecordProps }>(
  paths: readonly P[] | Promise<readonly P[]>,
): Promise<P[]> {
  return (await paths).filter((path) => ownsRecord(shard, idOf(path.props)));
}

/** The static paths of a shared route: all of them in the shared shard, none in the others. */
export async function sharedPaths<P>(paths: readonly P[] | Promise<readonly P[]>): Promise<P[]> {
  return ownsShared(shard) ? [...(await paths)] : [];
}
