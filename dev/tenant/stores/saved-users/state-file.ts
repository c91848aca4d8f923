// One JSON file of the dev tenant's saved state in .dev-tenant/: read once at start, rewritten
// whole after each change. A write goes to a temporary file in the same folder, reaches the disk,
// then replaces the old file by rename, so a crash or a full disk leaves the old file or the new
// one, never half of one. A file that cannot be read is moved aside, never overwritten, so what the
// developer changed survives for them to look at.
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomId } from '../../shared/random-id';

export type StateFileRead =
  | { kind: 'absent' }
  | { kind: 'read'; json: unknown }
  /** Unusable: `problem` says why; `setAsideAs` is where it went, or undefined when it could not be moved. */
  | { kind: 'unusable'; problem: string; setAsideAs: string | undefined };

/** The errno code of a file system error (ENOENT, EACCES...), for one-line messages. */
export function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}

/** `<file>.corrupt-<time>`, a name no later start reads or overwrites. */
function asideName(file: string, now: Date): string {
  return `${file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
}

async function setAside(file: string, now: Date): Promise<string | undefined> {
  const target = asideName(file, now);
  try {
    await rename(file, target);
    return target;
  } catch {
    return undefined;
  }
}

/** Reads and parses `file`; an unreadable or unparsable file is moved aside (see StateFileRead). */
export async function readStateFile(file: string, now = new Date()): Promise<StateFileRead> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') return { kind: 'absent' };
    return { kind: 'unusable', problem: `cannot be read (${code})`, setAsideAs: await setAside(file, now) };
  }
  try {
    return { kind: 'read', json: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'unusable', problem: 'is not valid JSON', setAsideAs: await setAside(file, now) };
  }
}

/** Moves a file that parsed but does not have the expected shape out of the way, as readStateFile does. */
export function setAsideInvalid(file: string, now = new Date()): Promise<string | undefined> {
  return setAside(file, now);
}

/** Writes `text` to `file` atomically (temporary file in the same folder, fsync, rename), mode 0600. */
async function writeFileAtomically(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${randomId(6)}.tmp`;
  try {
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * Writes one after the other, each with the state as it is when its turn comes, so two changes
 * in quick succession never race and the last one written is the last one made.
 */
export class SerialWriter {
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly file: string) {}

  write(snapshot: () => string): Promise<void> {
    return this.enqueue(() => writeFileAtomically(this.file, snapshot()));
  }

  /** Deletes the file, after the writes already queued (so none of them brings it back). */
  remove(): Promise<void> {
    return this.enqueue(() => rm(this.file, { force: true }));
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    const next = this.queue.then(step);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
