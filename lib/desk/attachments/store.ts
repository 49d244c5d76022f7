import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";

/**
 * Where attachments' bytes live. The database holds only what describes them (lib/desk/attachments/
 * upload.ts writes the row once `put` has resolved), so the store needs no transactions: it must only
 * never show a half-written object under a key, and list what it holds for the sweep.
 *
 * The local disk is the one store today. An S3-compatible one would implement the same four calls
 * (PutObject, GetObject, DeleteObject, ListObjectsV2 with LastModified): a PUT is atomic there, so
 * there is nothing half-written to list (docs/attachments.md).
 */
export interface AttachmentStore {
  /** Resolves once the bytes are durable under `key`; until then nothing is visible under it. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes under `key`, or null when there are none. */
  get(key: string): Promise<Buffer | null>;
  /** Removes `key` (and is done when there was nothing). */
  delete(key: string): Promise<void>;
  /** Every key, with when it was written. */
  list(): AsyncIterable<StoredObject>;
  /** Removes what writes that never finished left before `before` (a crash mid-`put`); how many. */
  discardUnfinished(before: Date): Promise<number>;
}

export type StoredObject = { key: string; writtenAt: Date };

/** Keys are ids and their variants ("<id>", "<id>.thumb"): nothing that could name a path. */
const KEY = /^[A-Za-z0-9_-]{1,64}(\.[a-z]{1,16})?$/;

/** What a write in progress is called in `partial/`. */
const PARTIAL = /^[A-Za-z0-9_-]{16}\.part$/;

/** A thumbnail's key beside its file's. */
export const thumbnailKey = (id: string) => `${id}.thumb`;

function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`not an attachment store key: ${JSON.stringify(key).slice(0, 80)}`);
  return key;
}

/**
 * Files under `root`: `objects/<key>`, written as `partial/<random>` first, flushed to disk, then
 * renamed into place (a rename within one file system is atomic), and the directory flushed so the
 * rename itself survives a power cut. A crash leaves at most a partial file, which `list` reports.
 */
export function localDiskStore(root: string): AttachmentStore {
  const objects = path.join(root, "objects");
  const partial = path.join(root, "partial");
  let ready: Promise<unknown> | null = null;
  const prepared = () => (ready ??= Promise.all([mkdir(objects, { recursive: true }), mkdir(partial, { recursive: true })]));
  const objectPath = (key: string) => path.join(objects, checkKey(key));

  async function flushDirectory(dir: string) {
    const handle = await open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  // Only names this store writes: anything else someone left there (.DS_Store, a backup's copy) is not ours to list or remove.
  async function* files(dir: string, named: RegExp): AsyncIterable<StoredObject> {
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      if (!named.test(name)) continue;
      const info = await stat(path.join(dir, name)).catch(() => null);
      if (info?.isFile()) yield { key: name, writtenAt: info.mtime };
    }
  }

  return {
    async put(key, bytes) {
      const target = objectPath(key);
      await prepared();
      const scratch = path.join(partial, `${randomBytes(12).toString("base64url")}.part`);
      const handle = await open(scratch, "wx", 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(scratch, target);
      await flushDirectory(objects);
    },
    async get(key) {
      try {
        return await readFile(objectPath(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(objectPath(key), { force: true });
    },
    list: () => files(objects, KEY),
    async discardUnfinished(before) {
      let removed = 0;
      for await (const file of files(partial, PARTIAL)) {
        if (file.writtenAt >= before) continue;
        await rm(path.join(partial, file.key), { force: true });
        removed++;
      }
      return removed;
    },
  };
}
