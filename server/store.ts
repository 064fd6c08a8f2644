// SQLite persistence for the emulator. One database file per data directory; every table is keyed by
// region first, so each region is an independent store (as in AWS, where an API id exists in one region).
//
// Schema choice: resources are rows (GetResources pages over 10,000 of them by id). Each method is one JSON
// document holding the method, its method responses and its integration, except the integration responses,
// which are rows of their own: they are what grows (templates of up to 300 KB each), and a write must cost
// what it changes, not the whole method (a tiny PUT on a method with twelve 5.5 MB integration responses used
// to re-parse and re-write 66 MB). GetMethod reads the method row and its integration responses' rows and
// splices their stored JSON into the answer without parsing it.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { IntegrationResponse } from '../src/rules/types';
import type { ApiTree, DeploymentDoc, DeploymentSnapshot, MethodDoc, ResourceRow, RestApiDoc, StageDoc } from './model';
import { MAIN_SIDE, WriteLock } from './write-lock';

export interface Page<T> {
  items: T[];
  /** Id of the last item returned when another page exists. */
  nextAfter?: string;
}

interface ResourceDbRow {
  id: string;
  parent_id: string | null;
  path_part: string | null;
  path: string;
}

function toResource(row: ResourceDbRow): ResourceRow {
  const r: ResourceRow = { id: row.id, path: row.path };
  if (row.parent_id !== null) r.parentId = row.parent_id;
  if (row.path_part !== null) r.pathPart = row.path_part;
  return r;
}

interface WriteJob {
  fn: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

// Stored rows have no \u0000 in any part (ids are [a-z0-9]), so a key with an extra \u0000 (from a
// percent-decoded path) never equals a cached row's key.
const resKey = (region: string, apiId: string, id: string) => `r\u0000${region}\u0000${apiId}\u0000${id}`;
const methKey = (region: string, apiId: string, resourceId: string, verb: string) =>
  `m\u0000${region}\u0000${apiId}\u0000${resourceId}\u0000${verb}`;
const irKey = (region: string, apiId: string, resourceId: string, verb: string) =>
  `i\u0000${region}\u0000${apiId}\u0000${resourceId}\u0000${verb}`;

/** A method's integration responses as stored: status code and the exact JSON text, in status-code order. */
export type StoredResponses = ReadonlyArray<readonly [string, string]>;

/**
 * JSON text of an object with the stored integration responses inserted as its last member, as pieces to send
 * one after the other: `json` ends with `closingBraces` braces, the last of which closes that object.
 */
export function spliceIntegrationResponses(json: string, closingBraces: number, responses: StoredResponses): string[] {
  const parts = [json.slice(0, -closingBraces), ',"integrationResponses":{'];
  responses.forEach(([sc, ir], i) => parts.push(`${i === 0 ? '' : ','}${JSON.stringify(sc)}:`, ir));
  parts.push('}'.repeat(closingBraces + 1));
  return parts;
}

/**
 * The method document as stored: without integration responses, and with methodIntegration as its last
 * member, so that they can be spliced in just before the two closing braces (see methodAnswerParts).
 */
function coreJson(doc: MethodDoc): string {
  const { methodIntegration, ...rest } = doc;
  if (!methodIntegration) return JSON.stringify(rest);
  const { integrationResponses: _stored, ...integration } = methodIntegration;
  return JSON.stringify({ ...rest, methodIntegration: integration });
}

/** GetMethod reads integration responses up to this size at once, the rest a row per event-loop turn. */
const LOAD_AT_ONCE_CHARS = 1024 * 1024;

/** How long one group commit may run write jobs before leaving the rest to the next one. */
const BATCH_SLICE_MS = 4;

export interface StoreOptions {
  /** The write lock shared with the other thread writing this database (default: a new one, main side). */
  lock?: WriteLock;
}

export class Store {
  readonly dataDir: string;
  readonly file: string;
  /** Taken for every write transaction; shared with the large-request worker (large-requests.ts). */
  readonly lock: WriteLock;
  /** Runs on close (the large-request worker registers its shutdown here). */
  private readonly closers: Array<() => void> = [];
  private readonly db: Database.Database;
  private readonly st: ReturnType<Store['prepare']>;
  private readonly tx: Record<
    'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'rollbackTo',
    Database.Statement
  >;
  private queue: WriteJob[] = [];
  private flushScheduled = false;
  /** True while a WAL sync is in flight; writes arriving meanwhile wait for it to finish (see write()). */
  private syncing = false;
  /** True while write jobs wait for the other thread to release the write lock. */
  private waitingForLock = false;
  private walHandle: Promise<FileHandle> | undefined;
  /**
   * Read-through caches of the rows every method-level request reads (GetMethod, PutIntegrationResponse…),
   * as the exact stored JSON text. Coherent with SQLite because every write of these tables goes through
   * this class: an upsert replaces the entry in the same transaction, a delete drops it (or the whole
   * cache for the rare multi-row deletes), and entries written or read by a write job that then rolls back
   * are dropped (see flush). Cached text is parsed afresh per read, so callers may still mutate what they get.
   */
  private readonly methodCache = new Map<string, string>();
  /** A method's integration responses (irKey), same coherence rules as methodCache. */
  private readonly responsesCache = new Map<string, StoredResponses>();
  private readonly resourceCache = new Map<string, ResourceRow>();
  /** Cache keys touched by the write job running now, to forget if its savepoint rolls back. */
  private touched: string[] | null = null;

  constructor(dataDir: string, opts: StoreOptions = {}) {
    this.dataDir = dataDir;
    this.lock = opts.lock ?? new WriteLock(WriteLock.createBuffer(), MAIN_SIDE);
    mkdirSync(dataDir, { recursive: true });
    this.file = join(dataDir, 'emulator.sqlite');
    this.db = new Database(this.file);
    // Durability: WAL, and no write is acknowledged before its WAL frames are fsynced (see flush()). That is
    // synchronous=FULL's guarantee, but the fsync runs on libuv's thread pool instead of inside COMMIT: with
    // FULL, better-sqlite3's synchronous COMMIT blocks the event loop for the whole fsync (milliseconds on
    // this class of disk), stalling every other request, reads included. NORMAL keeps SQLite's own fsyncs
    // at checkpoints, so the database file is never corrupted by a power cut; kill -9 loses nothing either
    // way because committed frames are already in the OS page cache.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = OFF');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS rest_apis (
        region TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL,
        PRIMARY KEY (region, id)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS resources (
        region TEXT NOT NULL, api_id TEXT NOT NULL, id TEXT NOT NULL,
        parent_id TEXT, path_part TEXT, path TEXT NOT NULL,
        PRIMARY KEY (region, api_id, id)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS resources_by_parent ON resources (region, api_id, parent_id);
      CREATE TABLE IF NOT EXISTS methods (
        region TEXT NOT NULL, api_id TEXT NOT NULL, resource_id TEXT NOT NULL, http_method TEXT NOT NULL,
        doc TEXT NOT NULL,
        PRIMARY KEY (region, api_id, resource_id, http_method)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS deployments (
        region TEXT NOT NULL, api_id TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL, snapshot TEXT NOT NULL,
        PRIMARY KEY (region, api_id, id)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS stages (
        region TEXT NOT NULL, api_id TEXT NOT NULL, name TEXT NOT NULL, deployment_id TEXT NOT NULL, doc TEXT NOT NULL,
        PRIMARY KEY (region, api_id, name)
      ) WITHOUT ROWID;
    `);
    this.createIntegrationResponsesTable();
    this.st = this.prepare();
    this.tx = {
      begin: this.db.prepare('BEGIN'),
      commit: this.db.prepare('COMMIT'),
      rollback: this.db.prepare('ROLLBACK'),
      savepoint: this.db.prepare('SAVEPOINT write_job'),
      release: this.db.prepare('RELEASE write_job'),
      rollbackTo: this.db.prepare('ROLLBACK TO write_job'),
    };
    this.splitStoredIntegrationResponses();
  }

  /**
   * A rowid table with a unique index, unlike the others: its rows are up to 6 MB, and in a WITHOUT ROWID
   * table (a b-tree keyed on the whole row) every seek that meets a row spilling onto overflow pages reads
   * all of it to compare keys, so listing a method's status codes read every one of its megabytes (130 ms
   * for nine 5 MB rows, on the event loop). Here the key lives in a small index and a row's document is read
   * only when asked for. A database from before this change has the WITHOUT ROWID table: its rows are
   * copied over once.
   */
  private createIntegrationResponsesTable(): void {
    const existing = this.db
      .prepare<[], { sql: string }>(
        `SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'integration_responses'`,
      )
      .get();
    const create = `
      CREATE TABLE integration_responses (
        region TEXT NOT NULL, api_id TEXT NOT NULL, resource_id TEXT NOT NULL, http_method TEXT NOT NULL,
        status_code TEXT NOT NULL, doc TEXT NOT NULL,
        UNIQUE (region, api_id, resource_id, http_method, status_code)
      )`;
    if (!existing) {
      this.db.exec(create);
      return;
    }
    if (!/WITHOUT\s+ROWID/i.test(existing.sql)) return;
    this.transaction(() => {
      this.db.exec(`
        ALTER TABLE integration_responses RENAME TO integration_responses_without_rowid;
        ${create};
        INSERT INTO integration_responses (region, api_id, resource_id, http_method, status_code, doc)
          SELECT region, api_id, resource_id, http_method, status_code, doc FROM integration_responses_without_rowid;
        DROP TABLE integration_responses_without_rowid;
      `);
    });
  }

  /** Data written before integration responses had rows of their own holds them inside the method: move them. */
  private splitStoredIntegrationResponses(): void {
    const rows = this.db
      .prepare<[], { region: string; api_id: string; resource_id: string; doc: string }>(
        `SELECT region, api_id, resource_id, doc FROM methods WHERE doc LIKE '%"integrationResponses"%'`,
      )
      .all();
    if (rows.length === 0) return;
    this.transaction(() => {
      for (const row of rows) this.putMethod(row.region, row.api_id, row.resource_id, JSON.parse(row.doc) as MethodDoc);
    });
  }

  private prepare() {
    const d = this.db;
    return {
      apiGet: d.prepare<[string, string], { doc: string }>('SELECT doc FROM rest_apis WHERE region = ? AND id = ?'),
      apiList: d.prepare<[string, string, number], { doc: string; id: string }>(
        'SELECT id, doc FROM rest_apis WHERE region = ? AND id > ? ORDER BY id LIMIT ?',
      ),
      apiInsert: d.prepare('INSERT INTO rest_apis (region, id, doc) VALUES (?, ?, ?)'),
      apiReplace: d.prepare('UPDATE rest_apis SET doc = ? WHERE region = ? AND id = ?'),
      apiDelete: d.prepare('DELETE FROM rest_apis WHERE region = ? AND id = ?'),
      resAllDelete: d.prepare('DELETE FROM resources WHERE region = ? AND api_id = ?'),
      methAllDelete: d.prepare('DELETE FROM methods WHERE region = ? AND api_id = ?'),
      resGet: d.prepare<[string, string, string], ResourceDbRow>(
        'SELECT id, parent_id, path_part, path FROM resources WHERE region = ? AND api_id = ? AND id = ?',
      ),
      resList: d.prepare<[string, string, string, number], ResourceDbRow>(
        'SELECT id, parent_id, path_part, path FROM resources WHERE region = ? AND api_id = ? AND id > ? ORDER BY id LIMIT ?',
      ),
      resChildren: d.prepare<[string, string, string], ResourceDbRow>(
        'SELECT id, parent_id, path_part, path FROM resources WHERE region = ? AND api_id = ? AND parent_id = ?',
      ),
      resInsert: d.prepare(
        'INSERT INTO resources (region, api_id, id, parent_id, path_part, path) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      resSubtree: d.prepare<[string, string, string], { id: string }>(`
        WITH RECURSIVE sub(id) AS (
          SELECT ? UNION ALL
          SELECT r.id FROM resources r JOIN sub ON r.parent_id = sub.id WHERE r.region = ? AND r.api_id = ?
        ) SELECT id FROM sub`),
      resDelete: d.prepare('DELETE FROM resources WHERE region = ? AND api_id = ? AND id = ?'),
      resMove: d.prepare(
        'UPDATE resources SET parent_id = ?, path_part = ?, path = ? WHERE region = ? AND api_id = ? AND id = ?',
      ),
      resRepath: d.prepare('UPDATE resources SET path = ? WHERE region = ? AND api_id = ? AND id = ?'),
      methResDelete: d.prepare('DELETE FROM methods WHERE region = ? AND api_id = ? AND resource_id = ?'),
      methGet: d.prepare<[string, string, string, string], { doc: string }>(
        'SELECT doc FROM methods WHERE region = ? AND api_id = ? AND resource_id = ? AND http_method = ?',
      ),
      methVerbsForResource: d.prepare<[string, string, string], { http_method: string }>(
        'SELECT http_method FROM methods WHERE region = ? AND api_id = ? AND resource_id = ? ORDER BY http_method',
      ),
      methUpsert: d.prepare(
        `INSERT INTO methods (region, api_id, resource_id, http_method, doc) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (region, api_id, resource_id, http_method) DO UPDATE SET doc = excluded.doc`,
      ),
      methDelete: d.prepare(
        'DELETE FROM methods WHERE region = ? AND api_id = ? AND resource_id = ? AND http_method = ?',
      ),
      anyApi: d.prepare<[], { n: number }>('SELECT count(*) AS n FROM rest_apis'),
      resAll: d.prepare<[string, string], ResourceDbRow>(
        'SELECT id, parent_id, path_part, path FROM resources WHERE region = ? AND api_id = ? ORDER BY path, id',
      ),
      methAll: d.prepare<[string, string], { resource_id: string; doc: string }>(
        'SELECT resource_id, doc FROM methods WHERE region = ? AND api_id = ? ORDER BY resource_id, http_method',
      ),
      depInsert: d.prepare('INSERT INTO deployments (region, api_id, id, doc, snapshot) VALUES (?, ?, ?, ?, ?)'),
      depGet: d.prepare<[string, string, string], { doc: string }>(
        'SELECT doc FROM deployments WHERE region = ? AND api_id = ? AND id = ?',
      ),
      depSnapshot: d.prepare<[string, string, string], { snapshot: string }>(
        'SELECT snapshot FROM deployments WHERE region = ? AND api_id = ? AND id = ?',
      ),
      depList: d.prepare<[string, string, string, number], { id: string; doc: string }>(
        'SELECT id, doc FROM deployments WHERE region = ? AND api_id = ? AND id > ? ORDER BY id LIMIT ?',
      ),
      depDelete: d.prepare('DELETE FROM deployments WHERE region = ? AND api_id = ? AND id = ?'),
      depAllDelete: d.prepare('DELETE FROM deployments WHERE region = ? AND api_id = ?'),
      stageGet: d.prepare<[string, string, string], { doc: string }>(
        'SELECT doc FROM stages WHERE region = ? AND api_id = ? AND name = ?',
      ),
      stageList: d.prepare<[string, string], { doc: string }>(
        'SELECT doc FROM stages WHERE region = ? AND api_id = ? ORDER BY name',
      ),
      stageUpsert: d.prepare(
        `INSERT INTO stages (region, api_id, name, deployment_id, doc) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (region, api_id, name) DO UPDATE SET deployment_id = excluded.deployment_id, doc = excluded.doc`,
      ),
      stageDelete: d.prepare('DELETE FROM stages WHERE region = ? AND api_id = ? AND name = ?'),
      stageAllDelete: d.prepare('DELETE FROM stages WHERE region = ? AND api_id = ?'),
      stagesOnDeployment: d.prepare<[string, string, string], { n: number }>(
        'SELECT count(*) AS n FROM stages WHERE region = ? AND api_id = ? AND deployment_id = ?',
      ),
      irList: d.prepare<[string, string, string, string], { status_code: string; doc: string }>(
        'SELECT status_code, doc FROM integration_responses WHERE region = ? AND api_id = ? AND resource_id = ? AND http_method = ? ORDER BY status_code',
      ),
      irCodes: d.prepare<[string, string, string, string], { status_code: string }>(
        'SELECT status_code FROM integration_responses WHERE region = ? AND api_id = ? AND resource_id = ? AND http_method = ? ORDER BY status_code',
      ),
      irGet: d.prepare<[string, string, string, string, string], { doc: string }>(
        'SELECT doc FROM integration_responses WHERE region = ? AND api_id = ? AND resource_id = ? AND http_method = ? AND status_code = ?',
      ),
      irUpsert: d.prepare(
        `INSERT INTO integration_responses (region, api_id, resource_id, http_method, status_code, doc) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (region, api_id, resource_id, http_method, status_code) DO UPDATE SET doc = excluded.doc`,
      ),
      irDelete: d.prepare(
        'DELETE FROM integration_responses WHERE region = ? AND api_id = ? AND resource_id = ? AND http_method = ? AND status_code = ?',
      ),
      irMethodDelete: d.prepare(
        'DELETE FROM integration_responses WHERE region = ? AND api_id = ? AND resource_id = ? AND http_method = ?',
      ),
      irResourceDelete: d.prepare(
        'DELETE FROM integration_responses WHERE region = ? AND api_id = ? AND resource_id = ?',
      ),
      irApiDelete: d.prepare('DELETE FROM integration_responses WHERE region = ? AND api_id = ?'),
    };
  }

  /** Runs fn in one SQLite transaction: all of its writes land, or none do. */
  transaction<T>(fn: () => T): T {
    // Inside a write job the lock is already held; otherwise (start-up, --reset) this is a write of its own.
    const own = !this.lock.held;
    if (own) this.acquireLock();
    let wrote = false;
    try {
      const value = this.db.transaction(fn)();
      wrote = true;
      return value;
    } catch (error) {
      // Rolled back (wholly, or to its savepoint): entries cached inside it may describe undone writes.
      if (!this.db.inTransaction) this.clearCaches();
      else this.forget(this.touched);
      throw error;
    } finally {
      if (own) this.lock.release(wrote);
    }
  }

  /** Takes the write lock, waiting for the other thread if need be, and drops caches it may have outdated. */
  private acquireLock(): void {
    this.lock.acquire();
    this.dropCachesIfWrittenElsewhere();
  }

  /**
   * The other thread's committed writes make cached rows stale. Checked before every cached read and when
   * taking the lock; a read between the other side's COMMIT and this check may still see the row as it was,
   * which is the order a client sees anyway: that write has not been answered yet.
   */
  private dropCachesIfWrittenElsewhere(): void {
    if (this.lock.otherSideWrote()) this.clearCaches();
  }

  /**
   * Group commit. Every write operation of the API goes through here: fn runs (synchronously, in arrival
   * order) inside its own savepoint, so it is all-or-nothing and sees the writes queued before it; a batch
   * of writes shares one COMMIT and one sync of the WAL. The promise settles only after that sync, so
   * nothing is acknowledged before it is durable.
   *
   * One sync at a time: writes that arrive while a sync is in flight queue up and run as the next batch as
   * soon as it completes (or at the next event-loop turn when no sync is in flight). Under load the sync,
   * not the COMMIT, is what each write costs the server: the syscall on the thread pool, the thread wake-ups
   * and the kernel's journal work come to more CPU than everything else a PutIntegrationResponse does.
   * Counted with strace under bench section 5's load (16 clients): starting a sync per event-loop turn, with
   * overlapping ones in flight, made 3.6 writes per sync and per COMMIT; batching behind the in-flight sync
   * makes 6.7, with a third fewer thread wake-ups (futex) per request, for about the same latency: a write
   * committed while a sync runs has to wait for a later sync either way.
   */
  write<T>(fn: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      this.scheduleFlush();
    });
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.syncing || this.waitingForLock || this.queue.length === 0) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.queue.length === 0) return;
    if (!this.lock.tryAcquire()) {
      // The worker is writing: come back when it is done, without blocking this thread meanwhile.
      this.waitingForLock = true;
      void this.lock.whenFree().then(() => {
        this.waitingForLock = false;
        this.scheduleFlush();
      });
      return;
    }
    this.dropCachesIfWrittenElsewhere();
    const jobs = this.queue.splice(0);
    const started = performance.now();
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    // Hand-rolled BEGIN/SAVEPOINT with prepared statements, the same statements better-sqlite3's
    // db.transaction() issues, without building two wrapper functions per job (measurable at this rate).
    const tx = this.tx;
    try {
      tx.begin.run();
      try {
        for (let j = 0; j < jobs.length; j++) {
          // A batch of large writes (300 KB templates, patches of thousands of operations) would hold the event
          // loop for all of them at once: past a few milliseconds the rest waits for the next batch, and reads
          // queued meanwhile get their turn.
          if (j > 0 && performance.now() - started > BATCH_SLICE_MS) {
            this.queue.unshift(...jobs.splice(j));
            break;
          }
          const job = jobs[j] as WriteJob;
          this.touched = [];
          // A savepoint per job: a throwing job rolls back only itself.
          tx.savepoint.run();
          try {
            const value = job.fn();
            tx.release.run();
            outcomes.push({ ok: true, value });
          } catch (error) {
            if (this.db.inTransaction) {
              tx.rollbackTo.run();
              tx.release.run();
            }
            this.forget(this.touched);
            outcomes.push({ ok: false, error });
          }
          this.touched = null;
        }
        tx.commit.run();
      } catch (error) {
        if (this.db.inTransaction) tx.rollback.run();
        throw error;
      }
    } catch (error) {
      this.lock.release(false);
      this.touched = null;
      this.clearCaches();
      for (const job of jobs) job.reject(error);
      this.scheduleFlush();
      return;
    }
    const wroteSomething = outcomes.some((o) => o.ok);
    this.lock.release(wroteSomething);
    const settle = () =>
      jobs.forEach((job, i) => {
        const o = outcomes[i];
        if (o?.ok) job.resolve(o.value);
        else job.reject(o ? o.error : new Error('write lost'));
      });
    if (!wroteSomething) {
      settle();
      this.scheduleFlush();
      return;
    }
    this.syncing = true;
    const done = () => {
      this.syncing = false;
      this.scheduleFlush();
    };
    this.syncWal().then(
      () => {
        done();
        settle();
      },
      (error: unknown) => {
        done();
        for (const job of jobs) job.reject(error);
      },
    );
  }

  private forget(keys: string[] | null): void {
    if (!keys) return;
    for (const k of keys) {
      this.methodCache.delete(k);
      this.resourceCache.delete(k);
      this.responsesCache.delete(k);
    }
  }

  private clearCaches(): void {
    this.methodCache.clear();
    this.resourceCache.clear();
    this.responsesCache.clear();
  }

  private touch(key: string): void {
    this.touched?.push(key);
  }

  /**
   * fdatasyncs the WAL (on any fd, it flushes the file's dirty pages). The handle stays open: SQLite deletes
   * the WAL only when the last connection closes, and this store's connection lives as long as the handle.
   *
   * fdatasync, not fsync: it makes the written data and the metadata needed to read it back (the file size,
   * when the WAL grew) durable, which is everything WAL recovery reads; it skips only the inode's timestamps.
   * SQLite itself syncs its WAL with fdatasync on Linux. It matters for cost: after every write the WAL's
   * mtime has changed, so each fsync is also an ext4 journal commit, while an fdatasync of WAL frames
   * overwriting already-allocated blocks (the usual case once the WAL has wrapped) is just a data flush.
   */
  private async syncWal(): Promise<void> {
    this.walHandle ??= open(`${this.file}-wal`, 'r');
    try {
      const handle = await this.walHandle;
      await handle.datasync();
    } catch (error) {
      this.walHandle = undefined;
      // close() checkpointed the WAL into the database (with fsync) and deleted it: nothing left to sync.
      if (this.db.open) throw error;
    }
  }

  isEmpty(): boolean {
    return (this.st.anyApi.get()?.n ?? 0) === 0;
  }

  // ---- rest apis -------------------------------------------------------------------------------------

  getRestApi(region: string, id: string): RestApiDoc | undefined {
    const row = this.st.apiGet.get(region, id);
    return row ? (JSON.parse(row.doc) as RestApiDoc) : undefined;
  }

  listRestApis(region: string, after: string, limit: number): Page<RestApiDoc> {
    const rows = this.st.apiList.all(region, after, limit + 1);
    const items = rows.slice(0, limit).map((r) => JSON.parse(r.doc) as RestApiDoc);
    const last = items[items.length - 1];
    return rows.length > limit && last ? { items, nextAfter: last.id } : { items };
  }

  createRestApi(region: string, api: RestApiDoc): void {
    this.transaction(() => {
      this.resourceCache.delete(resKey(region, api.id, api.rootResourceId));
      this.st.apiInsert.run(region, api.id, JSON.stringify(api));
      this.st.resInsert.run(region, api.id, api.rootResourceId, null, null, '/');
    });
  }

  /** Stores a changed RestApi document (its id and root resource stay). */
  replaceRestApi(region: string, api: RestApiDoc): void {
    this.st.apiReplace.run(JSON.stringify(api), region, api.id);
  }

  deleteRestApi(region: string, id: string): void {
    this.clearCaches();
    this.transaction(() => {
      this.st.stageAllDelete.run(region, id);
      this.st.depAllDelete.run(region, id);
      this.st.methAllDelete.run(region, id);
      this.st.irApiDelete.run(region, id);
      this.st.resAllDelete.run(region, id);
      this.st.apiDelete.run(region, id);
    });
  }

  // ---- resources -------------------------------------------------------------------------------------

  getResource(region: string, apiId: string, id: string): ResourceRow | undefined {
    const key = resKey(region, apiId, id);
    this.dropCachesIfWrittenElsewhere();
    const cached = this.resourceCache.get(key);
    if (cached) return { ...cached };
    const row = this.st.resGet.get(region, apiId, id);
    if (!row) return undefined;
    const r = toResource(row);
    this.resourceCache.set(key, r);
    this.touch(key);
    return { ...r };
  }

  listResources(region: string, apiId: string, after: string, limit: number): Page<ResourceRow> {
    const rows = this.st.resList.all(region, apiId, after, limit + 1);
    const items = rows.slice(0, limit).map(toResource);
    const last = items[items.length - 1];
    return rows.length > limit && last ? { items, nextAfter: last.id } : { items };
  }

  childrenOf(region: string, apiId: string, parentId: string): ResourceRow[] {
    return this.st.resChildren.all(region, apiId, parentId).map(toResource);
  }

  createResource(region: string, apiId: string, r: ResourceRow): void {
    this.resourceCache.delete(resKey(region, apiId, r.id));
    this.st.resInsert.run(region, apiId, r.id, r.parentId ?? null, r.pathPart ?? null, r.path);
  }

  /**
   * Gives a resource a new parent and path part (UpdateResource); its descendants' paths follow. The caller has
   * checked the move (no cycle, no sibling of that name).
   */
  moveResource(region: string, apiId: string, id: string, parentId: string, pathPart: string, path: string): void {
    this.clearCaches();
    this.transaction(() => {
      this.st.resMove.run(parentId, pathPart, path, region, apiId, id);
      const queue: Array<{ id: string; path: string }> = [{ id, path }];
      for (let next = queue.shift(); next; next = queue.shift()) {
        for (const child of this.st.resChildren.all(region, apiId, next.id)) {
          const childPath = `${next.path === '/' ? '' : next.path}/${child.path_part ?? ''}`;
          this.st.resRepath.run(childPath, region, apiId, child.id);
          queue.push({ id: child.id, path: childPath });
        }
      }
    });
  }

  /** Deletes a resource, all its descendants and their methods. */
  deleteResourceTree(region: string, apiId: string, id: string): void {
    this.clearCaches();
    this.transaction(() => {
      const ids = this.st.resSubtree.all(id, region, apiId).map((r) => r.id);
      for (const rid of ids) {
        this.st.methResDelete.run(region, apiId, rid);
        this.st.irResourceDelete.run(region, apiId, rid);
        this.st.resDelete.run(region, apiId, rid);
      }
    });
  }

  // ---- methods ---------------------------------------------------------------------------------------

  /** The whole method, integration responses included. */
  getMethod(region: string, apiId: string, resourceId: string, verb: string): MethodDoc | undefined {
    const doc = this.getMethodCore(region, apiId, resourceId, verb);
    if (!doc?.methodIntegration) return doc;
    const responses = this.integrationResponsesOf(region, apiId, resourceId, verb);
    if (responses.length > 0) {
      doc.methodIntegration.integrationResponses = Object.fromEntries(
        responses.map(([sc, json]) => [sc, JSON.parse(json) as IntegrationResponse]),
      );
    }
    return doc;
  }

  /** The method without its integration responses: what every write but an integration response's changes. */
  getMethodCore(region: string, apiId: string, resourceId: string, verb: string): MethodDoc | undefined {
    const json = this.getMethodCoreJson(region, apiId, resourceId, verb);
    return json === undefined ? undefined : (JSON.parse(json) as MethodDoc);
  }

  private getMethodCoreJson(region: string, apiId: string, resourceId: string, verb: string): string | undefined {
    const key = methKey(region, apiId, resourceId, verb);
    this.dropCachesIfWrittenElsewhere();
    const cached = this.methodCache.get(key);
    if (cached !== undefined) return cached;
    const row = this.st.methGet.get(region, apiId, resourceId, verb);
    if (!row) return undefined;
    this.methodCache.set(key, row.doc);
    this.touch(key);
    return row.doc;
  }

  /**
   * GetMethod's answer as pieces of JSON text to send one after the other, without parsing or copying the
   * stored documents (a large method is streamed from these).
   */
  methodAnswerParts(region: string, apiId: string, resourceId: string, verb: string): string[] | undefined {
    const core = this.getMethodCoreJson(region, apiId, resourceId, verb);
    if (core === undefined) return undefined;
    const responses = this.integrationResponsesOf(region, apiId, resourceId, verb);
    if (responses.length === 0 || !core.endsWith('}}') || !core.includes('"methodIntegration":')) return [core];
    // methodIntegration is the core's last member (coreJson): its closing brace, then the document's.
    return spliceIntegrationResponses(core, 2, responses);
  }

  /** The whole method as JSON text (what GetMethod answers). */
  getMethodJson(region: string, apiId: string, resourceId: string, verb: string): string | undefined {
    return this.methodAnswerParts(region, apiId, resourceId, verb)?.join('');
  }

  methodsOf(region: string, apiId: string, resourceId: string): MethodDoc[] {
    return this.methodVerbsOf(region, apiId, resourceId).flatMap((verb) => {
      const m = this.getMethod(region, apiId, resourceId, verb);
      return m ? [m] : [];
    });
  }

  methodVerbsOf(region: string, apiId: string, resourceId: string): string[] {
    return this.st.methVerbsForResource.all(region, apiId, resourceId).map((r) => r.http_method);
  }

  /** Stores a whole method: its integration responses (if it has an integration) replace the stored ones. */
  putMethod(region: string, apiId: string, resourceId: string, doc: MethodDoc): void {
    this.putMethodCore(region, apiId, resourceId, doc);
    this.deleteIntegrationResponses(region, apiId, resourceId, doc.httpMethod);
    for (const ir of Object.values(doc.methodIntegration?.integrationResponses ?? {}))
      this.putIntegrationResponse(region, apiId, resourceId, doc.httpMethod, ir);
  }

  /** Stores the method's own document; its integration responses' rows are left as they are. */
  putMethodCore(region: string, apiId: string, resourceId: string, doc: MethodDoc): void {
    const json = coreJson(doc);
    const key = methKey(region, apiId, resourceId, doc.httpMethod);
    this.methodCache.delete(key);
    this.st.methUpsert.run(region, apiId, resourceId, doc.httpMethod, json);
    this.methodCache.set(key, json);
    this.touch(key);
  }

  deleteMethod(region: string, apiId: string, resourceId: string, verb: string): void {
    this.methodCache.delete(methKey(region, apiId, resourceId, verb));
    this.st.methDelete.run(region, apiId, resourceId, verb);
    this.deleteIntegrationResponses(region, apiId, resourceId, verb);
  }

  // ---- integration responses -------------------------------------------------------------------------

  integrationResponsesOf(region: string, apiId: string, resourceId: string, verb: string): StoredResponses {
    const key = irKey(region, apiId, resourceId, verb);
    this.dropCachesIfWrittenElsewhere();
    const cached = this.responsesCache.get(key);
    if (cached) return cached;
    const rows = this.st.irList.all(region, apiId, resourceId, verb).map((r) => [r.status_code, r.doc] as const);
    this.responsesCache.set(key, rows);
    this.touch(key);
    return rows;
  }

  /**
   * Reads a method's integration responses into the cache, a row at a time, before GetMethod answers from
   * it. Rows hold up to 6 MB each, and a method may have dozens: read in one go, a large method would hold
   * the event loop for as long as all of them take. Past the first megabyte each row is read in an event-loop
   * turn of its own. Undefined when nothing had to wait (cached, or small enough to read at once).
   *
   * The rows read over several turns are one version of the method only if no write committed meanwhile
   * (on either thread: the lock counts both); otherwise they are read again.
   */
  loadIntegrationResponses(region: string, apiId: string, resourceId: string, verb: string): Promise<void> | undefined {
    const key = irKey(region, apiId, resourceId, verb);
    this.dropCachesIfWrittenElsewhere();
    if (this.responsesCache.has(key)) return undefined;
    const codes = this.st.irCodes.all(region, apiId, resourceId, verb).map((r) => r.status_code);
    const generation = this.lock.generation();
    const rows: Array<readonly [string, string]> = [];
    let size = 0;
    for (let i = 0; i < codes.length; i++) {
      if (size > LOAD_AT_ONCE_CHARS)
        return this.loadRest(key, [region, apiId, resourceId, verb], codes.slice(i), rows, generation);
      const sc = codes[i] ?? '';
      const doc = this.st.irGet.get(region, apiId, resourceId, verb, sc)?.doc;
      if (doc === undefined) continue;
      rows.push([sc, doc]);
      size += doc.length;
    }
    this.responsesCache.set(key, rows);
    return undefined;
  }

  private async loadRest(
    key: string,
    method: [string, string, string, string],
    codes: string[],
    rows: Array<readonly [string, string]>,
    generation: number,
  ): Promise<void> {
    const [region, apiId, resourceId, verb] = method;
    for (const sc of codes) {
      await new Promise((resolve) => setImmediate(resolve));
      if (this.lock.generation() !== generation) break;
      const doc = this.st.irGet.get(region, apiId, resourceId, verb, sc)?.doc;
      if (doc !== undefined) rows.push([sc, doc]);
    }
    // A write landed meanwhile: the rows may mix two versions. GetMethod then reads them all at once.
    if (this.lock.generation() === generation) this.responsesCache.set(key, rows);
  }

  getIntegrationResponse(
    region: string,
    apiId: string,
    resourceId: string,
    verb: string,
    statusCode: string,
  ): IntegrationResponse | undefined {
    this.dropCachesIfWrittenElsewhere();
    const cached = this.responsesCache.get(irKey(region, apiId, resourceId, verb));
    const json = cached
      ? cached.find(([sc]) => sc === statusCode)?.[1]
      : this.st.irGet.get(region, apiId, resourceId, verb, statusCode)?.doc;
    return json === undefined ? undefined : (JSON.parse(json) as IntegrationResponse);
  }

  putIntegrationResponse(
    region: string,
    apiId: string,
    resourceId: string,
    verb: string,
    ir: IntegrationResponse,
  ): void {
    this.responsesCache.delete(irKey(region, apiId, resourceId, verb));
    this.st.irUpsert.run(region, apiId, resourceId, verb, ir.statusCode, JSON.stringify(ir));
  }

  deleteIntegrationResponse(region: string, apiId: string, resourceId: string, verb: string, statusCode: string): void {
    this.responsesCache.delete(irKey(region, apiId, resourceId, verb));
    this.st.irDelete.run(region, apiId, resourceId, verb, statusCode);
  }

  deleteIntegrationResponses(region: string, apiId: string, resourceId: string, verb: string): void {
    this.responsesCache.delete(irKey(region, apiId, resourceId, verb));
    this.st.irMethodDelete.run(region, apiId, resourceId, verb);
  }

  // ---- deployments and stages ------------------------------------------------------------------------

  /** Every resource of an API (by path) with its methods: what a deployment freezes. */
  apiTree(region: string, apiId: string): ApiTree {
    const methods = new Map<string, MethodDoc[]>();
    for (const row of this.st.methAll.all(region, apiId)) {
      const list = methods.get(row.resource_id) ?? [];
      const doc = JSON.parse(row.doc) as MethodDoc;
      const responses = this.integrationResponsesOf(region, apiId, row.resource_id, doc.httpMethod);
      if (doc.methodIntegration && responses.length > 0) {
        doc.methodIntegration.integrationResponses = Object.fromEntries(
          responses.map(([sc, json]) => [sc, JSON.parse(json) as IntegrationResponse]),
        );
      }
      list.push(doc);
      methods.set(row.resource_id, list);
    }
    return this.st.resAll.all(region, apiId).map((r) => ({ ...toResource(r), methods: methods.get(r.id) ?? [] }));
  }

  /** Call inside a write job (its savepoint makes the deployment and the stage change land together). */
  insertDeployment(region: string, apiId: string, doc: DeploymentDoc, snapshot: DeploymentSnapshot): void {
    this.st.depInsert.run(region, apiId, doc.id, JSON.stringify(doc), JSON.stringify(snapshot));
  }

  getDeployment(region: string, apiId: string, id: string): DeploymentDoc | undefined {
    const row = this.st.depGet.get(region, apiId, id);
    return row ? (JSON.parse(row.doc) as DeploymentDoc) : undefined;
  }

  getDeploymentSnapshot(region: string, apiId: string, id: string): DeploymentSnapshot | undefined {
    const row = this.st.depSnapshot.get(region, apiId, id);
    return row ? (JSON.parse(row.snapshot) as DeploymentSnapshot) : undefined;
  }

  listDeployments(region: string, apiId: string, after: string, limit: number): Page<DeploymentDoc> {
    const rows = this.st.depList.all(region, apiId, after, limit + 1);
    const items = rows.slice(0, limit).map((r) => JSON.parse(r.doc) as DeploymentDoc);
    const last = items[items.length - 1];
    return rows.length > limit && last ? { items, nextAfter: last.id } : { items };
  }

  deleteDeployment(region: string, apiId: string, id: string): void {
    this.st.depDelete.run(region, apiId, id);
  }

  stagesOnDeployment(region: string, apiId: string, deploymentId: string): number {
    return this.st.stagesOnDeployment.get(region, apiId, deploymentId)?.n ?? 0;
  }

  getStage(region: string, apiId: string, name: string): StageDoc | undefined {
    const row = this.st.stageGet.get(region, apiId, name);
    return row ? (JSON.parse(row.doc) as StageDoc) : undefined;
  }

  listStages(region: string, apiId: string): StageDoc[] {
    return this.st.stageList.all(region, apiId).map((r) => JSON.parse(r.doc) as StageDoc);
  }

  putStage(region: string, apiId: string, stage: StageDoc): void {
    this.st.stageUpsert.run(region, apiId, stage.stageName, stage.deploymentId, JSON.stringify(stage));
  }

  deleteStage(region: string, apiId: string, name: string): void {
    this.st.stageDelete.run(region, apiId, name);
  }

  // ---- maintenance -----------------------------------------------------------------------------------

  /** Wipes every region's data; the caller reseeds (seedDemo goes through the HTTP operations). */
  resetDemo(): void {
    this.clearCaches();
    this.transaction(() => {
      this.db.exec(
        'DELETE FROM stages; DELETE FROM deployments; DELETE FROM integration_responses; DELETE FROM methods; DELETE FROM resources; DELETE FROM rest_apis;',
      );
    });
  }

  /** fn runs when the store has closed. */
  onClose(fn: () => void): void {
    this.closers.push(fn);
  }

  close(): void {
    if (!this.db.open) return;
    if (this.queue.length > 0) this.acquireLock();
    this.flush();
    this.db.close();
    for (const fn of this.closers.splice(0)) fn();
    void this.walHandle?.then((h) => h.close()).catch(() => undefined);
  }
}

export function openStore(dataDir: string, opts: StoreOptions = {}): Store {
  return new Store(dataDir, opts);
}
