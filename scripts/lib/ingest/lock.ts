// One ingest at a time per project: a second run would sweep the first one's temporary files and
// race it on the state and fixity files. The lock is a file holding the owner's pid; a lock whose
// process is gone (a killed run) is taken over, so an interrupted ingest still resumes.
import { hostname } from 'node:os';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

interface LockOwner {
  pid: number;
  host: string;
  started: string;
}

export class IngestLockedError extends Error {
  constructor(file: string, owner: LockOwner) {
    super(
      `${file}: another ingest is running (pid ${owner.pid}, started ${owner.started}); wait for it to finish, or delete this file if no ingest is running / 另一个媒体处理进程正在运行，请等待其结束；若确无进程运行，可删除此文件`,
    );
    this.name = 'IngestLockedError';
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(file: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(file, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string'
      ? { pid: owner.pid, host: owner.host, started: String(owner.started ?? '?') }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a lock's owner may still be at work (another machine's pid cannot be checked). */
function holds(owner: LockOwner | undefined): owner is LockOwner {
  return owner !== undefined && (owner.host !== hostname() || isRunning(owner.pid));
}

/**
 * Takes the ingest lock at `file`, or throws {@link IngestLockedError} naming the running owner.
 * Resolves to the function that releases it.
 */
export async function acquireIngestLock(file: string): Promise<() => Promise<void>> {
  await mkdir(dirname(file), { recursive: true });
  const me: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(`${JSON.stringify(me)}\n`);
      await handle.close();
      return async () => {
        const owner = await readOwner(file);
        if (owner?.pid === me.pid && owner.host === me.host) await rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = await readOwner(file);
      if (holds(owner)) throw new IngestLockedError(file, owner);
      // A stale lock (its run was killed): remove it and try once more.
      if (attempt > 0) throw error;
      await rm(file, { force: true });
    }
  }
}
