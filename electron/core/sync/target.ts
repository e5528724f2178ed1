/**
 * Where synced records go. The engine speaks only this interface, so a
 * WebDAV or S3-compatible target is one more implementation of it (keys for
 * paths, PUT of a complete object for writeFileAtomic, a marker object for
 * the marker) and the engine does not change.
 *
 * Paths are relative to the target's root, '/'-separated, never '..'.
 */
export interface SyncTarget {
  /** How the target is shown to people (a folder path, a URL). */
  readonly location: string;
  /** True when the target's root is reachable at all (a folder that exists). */
  rootExists(): Promise<boolean>;
  /** The marker's text, or null when there is none (the share is not mounted or not set up). */
  readMarker(): Promise<string | null>;
  /** Writes the marker; only `target add` calls this, on a root that already exists. */
  writeMarker(text: string): Promise<void>;
  /** True when something exists at the path. */
  exists(path: string): Promise<boolean>;
  /** Creates a folder under the root if it is missing (a no-op for object stores). */
  ensureDir(path: string): Promise<void>;
  /**
   * Makes `data` appear at `path` whole or not at all: a reader never sees a
   * partial file under the final name, even if the process dies mid-write.
   * The file is durable (survives a power cut) once a later `commit()` resolves.
   */
  writeFileAtomic(path: string, data: Uint8Array): Promise<void>;
  /**
   * Makes every file written and folder made before the call durable. The
   * engine calls it before it records anything as landed and before a
   * manifest lists a file; one commit covers many files, which is what lets
   * a folder share sync many small files per second (a no-op for targets
   * whose writes are durable when they return, such as an object store's PUT).
   */
  commit(): Promise<void>;
  /** The file's bytes; rejects with ENOENT when it does not exist. */
  readFile(path: string): Promise<Buffer>;
  /** Names directly under a folder ([] when it does not exist). */
  list(path: string): Promise<string[]>;
  /** Size and kind, or null when nothing is there. */
  stat(path: string): Promise<{ size: number; isDirectory: boolean } | null>;
  /**
   * Discards leftovers of writes cut off by a crash under `folder` (only
   * Persist's own temporary files, and only those older than `olderThanMs`,
   * which may still belong to a write under way elsewhere). Returns how many.
   */
  discardInterruptedWrites(folder: string, olderThanMs: number): Promise<number>;
  /**
   * Whether the root can be written to and how much room is left, found
   * without writing anything (the sync panel asks often). `freeBytes` is
   * null where the storage does not say.
   */
  probe(): Promise<{ writable: boolean; freeBytes: number | null }>;
}
