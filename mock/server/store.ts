// Persistence. Every change is a transaction: its records (a case, the draft it came from, the idempotency
// answer, the case counter …) are first written together as ONE journal file (temp file, fsync, rename,
// fsync of the folder: the commit point), then copied into one JSON file per record under
// dataDir/<collection>/ (temp file, rename). A crash before the rename leaves nothing of the transaction;
// after it, the start-up replays the journal file, so the transaction is there whole. The journal file stays
// until a checkpoint, off the request path, has fsynced the record files it wrote; then it is removed.
// Pure JavaScript over node:fs: nothing to compile or download (docs/decisions.md).
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export type Warn = (message: string) => void

/** Thrown at a simulated crash point; the platform that threw it is dead (tests restart another). */
export class Crash extends Error {
  constructor(readonly point: string) {
    super(`simulated crash at ${point}`)
    this.name = 'Crash'
  }
}

/**
 * Tests: kill the platform at the `at`-th write step (1-based) of the requests `route` names
 * ("POST /cases", "PUT /drafts/:id"); without a route, of any request. `onCrash` defaults to throwing
 * Crash (in-process); the CLI passes a real SIGKILL.
 */
export interface CrashPlan {
  route?: string
  at: number
  onCrash?: (point: string) => void
}

/** Every file-system mutation of the store goes through here: each one is a numbered write point. */
export class Disk {
  private count = 0
  private armed = false
  private deadAt?: string

  constructor(
    private readonly root: string,
    private readonly plan?: CrashPlan,
  ) {}

  get dead(): string | undefined {
    return this.deadAt
  }

  /** Counts write points only inside requests of the planned route. */
  arm(route: string | undefined): void {
    this.armed = !!this.plan && (this.plan.route === undefined || this.plan.route === route)
  }

  disarm(): void {
    this.armed = false
  }

  /** A write point: in a crash test, the process may die here. */
  point(label: string): void {
    if (this.deadAt) throw new Crash(this.deadAt)
    if (!this.armed || !this.plan) return
    this.count++
    if (this.count !== this.plan.at) return
    this.deadAt = `${this.count}: ${label}`
    this.plan.onCrash?.(this.deadAt)
    throw new Crash(this.deadAt)
  }

  private rel(file: string): string {
    return path.relative(this.root, file) || '.'
  }

  write(file: string, data: string | Buffer): void {
    this.point(`write ${this.rel(file)}`)
    fs.writeFileSync(file, data)
  }

  fsync(file: string): void {
    this.point(`fsync ${this.rel(file)}`)
    const fd = fs.openSync(file, 'r')
    try {
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
  }

  rename(from: string, to: string): void {
    this.point(`rename ${this.rel(from)} → ${this.rel(to)}`)
    fs.renameSync(from, to)
  }

  remove(file: string): void {
    this.point(`remove ${this.rel(file)}`)
    fs.rmSync(file, { force: true })
  }

  /** fsync on the thread pool (checkpoints): the event loop goes on meanwhile. */
  async fsyncLater(file: string): Promise<void> {
    this.point(`fsync ${this.rel(file)}${file.endsWith('.json') || file.endsWith('.bin') ? '' : '/'}`)
    let fh: fs.promises.FileHandle
    try {
      fh = await fs.promises.open(file, 'r')
    } catch (e) {
      // removed by a later transaction, whose own journal file is still there
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return
      throw e
    }
    try {
      await fh.sync()
    } finally {
      await fh.close()
    }
  }

  /** Makes renames and removals in the folder durable. */
  fsyncDir(dir: string): void {
    this.point(`fsync ${this.rel(dir)}/`)
    const fd = fs.openSync(dir, 'r')
    try {
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
  }

  /** temp file, (fsync,) rename: the old content or the new one, never half of either */
  writeAtomically(file: string, data: string | Buffer, durably: boolean): void {
    const tmp = `${file}.${process.pid}.tmp`
    this.write(tmp, data)
    if (durably) this.fsync(tmp)
    this.rename(tmp, file)
  }

  writeDurably(file: string, data: string | Buffer): void {
    this.writeAtomically(file, data, true)
  }
}

function fileNameOf(id: string): string {
  // ids come from clients too: anything unusual is hashed so it can never leave the folder
  return /^[A-Za-z0-9_.@-]{1,120}$/.test(id) && !id.startsWith('.') ? `${id}.json` : `h-${createHash('sha256').update(id).digest('hex')}.json`
}

/** Something whose records the store writes: a collection (one file per record) or a single document. */
interface Table {
  readonly name: string
  readonly dir: string
  fileOf(id: string): string
  encode(id: string, value: unknown): string
  /** memory only, for replaying the journal */
  replay(id: string, value: unknown | undefined): void
}

interface Op {
  table: Table
  id: string
  /** undefined: delete */
  value: unknown | undefined
}

interface Tx {
  ops: Map<string, Op>
  undo: (() => void)[]
}

interface JournalOp {
  t: string
  id: string
  v?: unknown
  del?: true
}

/** Journal files are checkpointed when this many wait, or this long after the last commit. */
const CHECKPOINT_FILES = 32
const CHECKPOINT_AFTER_MS = 1000

export class Store {
  private readonly tables = new Map<string, Table>()
  private readonly journalDir: string
  private tx?: Tx
  private seq = 0
  /** committed journal files whose record files are written but not yet fsynced */
  private unsynced: { journal: string; files: string[] }[] = []
  private checkpointing?: Promise<void>
  private timer?: NodeJS.Timeout

  constructor(
    readonly root: string,
    readonly disk: Disk,
  ) {
    this.journalDir = path.join(root, 'journal')
  }

  register(table: Table): void {
    this.tables.set(table.name, table)
  }

  /**
   * Runs `fn` as one transaction: its writes become durable together when it returns, or not at all (an
   * error undoes them in memory too). Nested calls join the outer transaction. `fn` must not await.
   */
  transaction<T>(fn: () => T): T {
    if (this.tx) return fn()
    const tx: Tx = { ops: new Map(), undo: [] }
    this.tx = tx
    try {
      const out = fn()
      if (out instanceof Promise) throw new Error('a transaction must not await: its writes would interleave with other requests')
      this.tx = undefined
      this.commit([...tx.ops.values()])
      return out
    } catch (e) {
      this.tx = undefined
      if (!(e instanceof Crash)) for (const undo of tx.undo.reverse()) undo()
      throw e
    }
  }

  /** Called by tables after changing memory; a write outside a transaction commits on its own. */
  stage(table: Table, id: string, value: unknown | undefined, undo: () => void): void {
    if (!this.tx) return this.transaction(() => this.stage(table, id, value, undo))
    const key = `${table.name}\n${id}`
    this.tx.ops.delete(key) // the last write of a record wins, in order
    this.tx.ops.set(key, { table, id, value })
    this.tx.undo.push(undo)
  }

  private commit(ops: Op[]): void {
    if (!ops.length) return
    const seq = ++this.seq
    const journal = path.join(this.journalDir, `${String(seq).padStart(12, '0')}.json`)
    const entries: JournalOp[] = ops.map((o) => (o.value === undefined ? { t: o.table.name, id: o.id, del: true } : { t: o.table.name, id: o.id, v: o.value }))
    // the commit point: once this file is renamed into place (and fsynced), the transaction survives a crash
    this.disk.writeDurably(journal, JSON.stringify({ seq, ops: entries }))
    this.disk.fsyncDir(this.journalDir)
    // the record files need no fsync now: until the checkpoint has synced them, the journal file can redo them
    this.unsynced.push({ journal, files: this.apply(ops, false) })
    this.scheduleCheckpoint()
  }

  /** Copies committed records into their files (idempotent: a replay may do it again). */
  private apply(ops: Op[], durably: boolean): string[] {
    const dirs = new Set<string>()
    const files: string[] = []
    for (const o of ops) {
      const file = o.table.fileOf(o.id)
      if (o.value === undefined) this.disk.remove(file)
      else this.disk.writeAtomically(file, o.table.encode(o.id, o.value), durably)
      files.push(file)
      dirs.add(path.dirname(file))
    }
    if (durably) for (const d of dirs) this.disk.fsyncDir(d)
    return [...files, ...dirs]
  }

  private scheduleCheckpoint(): void {
    if (this.unsynced.length >= CHECKPOINT_FILES) return void this.checkpoint().catch(() => undefined)
    clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.checkpoint().catch(() => undefined), CHECKPOINT_AFTER_MS)
    this.timer.unref()
  }

  /**
   * fsyncs the record files (and folders) the committed journal files wrote, on the thread pool, then removes
   * those journal files. A crash midway leaves them to be replayed. One checkpoint at a time.
   */
  checkpoint(): Promise<void> {
    if (this.checkpointing) return this.checkpointing.then(() => (this.unsynced.length ? this.checkpoint() : undefined))
    const batch = this.unsynced
    if (!batch.length) return Promise.resolve()
    this.unsynced = []
    clearTimeout(this.timer)
    this.checkpointing = (async () => {
      this.disk.arm('checkpoint')
      try {
        const targets = new Set(batch.flatMap((b) => b.files))
        // files before folders, so a folder's sync covers the renames into it
        for (const f of [...targets].sort((a, b) => Number(!/\.(json|bin)$/.test(a)) - Number(!/\.(json|bin)$/.test(b)))) await this.disk.fsyncLater(f)
        for (const b of batch) this.disk.remove(b.journal)
        // a removal that came back after a power cut would replay an older value over a newer one
        await this.disk.fsyncLater(this.journalDir)
      } catch (e) {
        // not synced: those journal files stay, for the next checkpoint or the next start
        if (!(e instanceof Crash)) this.unsynced = [...batch, ...this.unsynced]
        throw e
      } finally {
        this.disk.disarm()
        this.checkpointing = undefined
      }
    })()
    return this.checkpointing
  }

  /** After the tables loaded their files: replays committed journal files, then removes them. */
  recover(warn: Warn): void {
    fs.mkdirSync(this.journalDir, { recursive: true })
    const names = fs.readdirSync(this.journalDir).sort()
    let replayed = 0
    for (const n of names) {
      const full = path.join(this.journalDir, n)
      if (!/^\d{12}\.json$/.test(n)) {
        // a temp file of a transaction that never committed
        fs.rmSync(full, { force: true })
        continue
      }
      let entries: JournalOp[]
      try {
        entries = (JSON.parse(fs.readFileSync(full, 'utf8')) as { ops: JournalOp[] }).ops
        if (!Array.isArray(entries)) throw new Error('no ops')
      } catch (e) {
        warn(`忽略损坏的日志文件 journal/${n}：${(e as Error).message}`)
        fs.rmSync(full, { force: true })
        continue
      }
      const ops: Op[] = []
      for (const e of entries) {
        const table = this.tables.get(e.t)
        if (!table) continue
        table.replay(e.id, e.del ? undefined : e.v)
        ops.push({ table, id: e.id, value: e.del ? undefined : e.v })
      }
      this.apply(ops, true)
      this.disk.remove(full)
      this.disk.fsyncDir(this.journalDir)
      replayed++
    }
    if (replayed) warn(`上次未正常关闭：已重放 ${replayed} 个已提交的事务`)
  }

  /** The folder was wiped (a reset): nothing is left to sync. Journal numbers are never reused in a process. */
  discardPending(): void {
    this.unsynced = []
    clearTimeout(this.timer)
  }
}

export class Collection<T> implements Table {
  private readonly map = new Map<string, T>()
  /** secondary keys (e.g. token hashes) → id, kept in step with every change, undo and replay */
  private readonly byKey = new Map<string, string>()
  /** groups (e.g. an owner's records) → ids, kept in step the same way: a list is read without a scan */
  private readonly byGroup = new Map<string, Set<string>>()
  readonly dir: string

  constructor(
    private readonly store: Store,
    readonly name: string,
    private readonly keysOf?: (value: T) => (string | undefined)[],
    private readonly groupsOf?: (value: T) => (string | undefined)[],
  ) {
    this.dir = path.join(store.root, name)
    store.register(this)
  }

  fileOf(id: string): string {
    return path.join(this.dir, fileNameOf(id))
  }

  encode(id: string, value: unknown): string {
    return JSON.stringify({ id, value })
  }

  replay(id: string, value: unknown | undefined): void {
    if (value === undefined) this.drop(id)
    else this.put(id, value as T)
  }

  private put(id: string, value: T): void {
    this.drop(id)
    this.map.set(id, value)
    if (this.keysOf) for (const k of this.keysOf(value)) if (k) this.byKey.set(k, id)
    if (this.groupsOf)
      for (const g of this.groupsOf(value)) {
        if (!g) continue
        const ids = this.byGroup.get(g) ?? new Set<string>()
        this.byGroup.set(g, ids.add(id))
      }
  }

  private drop(id: string): void {
    const old = this.map.get(id)
    if (old === undefined) return
    this.map.delete(id)
    if (this.keysOf) for (const k of this.keysOf(old)) if (k && this.byKey.get(k) === id) this.byKey.delete(k)
    if (this.groupsOf)
      for (const g of this.groupsOf(old)) {
        const ids = g ? this.byGroup.get(g) : undefined
        if (!ids) continue
        ids.delete(id)
        if (!ids.size) this.byGroup.delete(g!)
      }
  }

  load(warn: Warn): void {
    this.map.clear()
    this.byKey.clear()
    this.byGroup.clear()
    fs.mkdirSync(this.dir, { recursive: true })
    for (const f of fs.readdirSync(this.dir)) {
      const full = path.join(this.dir, f)
      if (f.endsWith('.tmp')) {
        // left by a crash between write and rename: the record before it is intact
        fs.rmSync(full, { force: true })
        continue
      }
      if (!f.endsWith('.json')) continue
      try {
        const rec = JSON.parse(fs.readFileSync(full, 'utf8')) as { id: string; value: T }
        if (typeof rec?.id !== 'string') throw new Error('no id')
        this.put(rec.id, rec.value)
      } catch (e) {
        warn(`忽略损坏的数据文件 ${this.name}/${f}：${(e as Error).message}`)
      }
    }
  }

  get(id: string): T | undefined {
    return this.map.get(id)
  }

  /** The record one of whose secondary keys is `key`. */
  findBy(key: string): T | undefined {
    const id = this.byKey.get(key)
    return id === undefined ? undefined : this.map.get(id)
  }

  /** The records in group `group` (see `groupsOf`), in no particular order. */
  inGroup(group: string): T[] {
    return [...(this.byGroup.get(group) ?? [])].map((id) => this.map.get(id)!)
  }

  has(id: string): boolean {
    return this.map.has(id)
  }

  set(id: string, value: T): T {
    const prev = this.map.get(id)
    this.put(id, value)
    this.store.stage(this, id, value, () => (prev === undefined ? this.drop(id) : this.put(id, prev)))
    return value
  }

  delete(id: string): boolean {
    const prev = this.map.get(id)
    if (prev === undefined) return false
    this.drop(id)
    this.store.stage(this, id, undefined, () => this.put(id, prev))
    return true
  }

  values(): T[] {
    return [...this.map.values()]
  }

  entries(): [string, T][] {
    return [...this.map.entries()]
  }

  get size(): number {
    return this.map.size
  }
}

/** A single JSON document (counters, clock): dataDir/<name>.json. */
export class Doc<T extends object> implements Table {
  private value: T
  private readonly file: string
  readonly dir: string

  constructor(
    private readonly store: Store,
    readonly name: string,
    private readonly initial: () => T,
  ) {
    this.dir = store.root
    this.file = path.join(store.root, `${name}.json`)
    this.value = initial()
    store.register(this)
  }

  fileOf(): string {
    return this.file
  }

  encode(_id: string, value: unknown): string {
    return JSON.stringify(value, null, 2)
  }

  replay(_id: string, value: unknown | undefined): void {
    this.value = value === undefined ? this.initial() : { ...this.initial(), ...(value as T) }
  }

  load(warn: Warn): boolean {
    for (const f of fs.readdirSync(this.dir)) if (f.startsWith(`${this.name}.json.`) && f.endsWith('.tmp')) fs.rmSync(path.join(this.dir, f), { force: true })
    if (!fs.existsSync(this.file)) return false
    try {
      this.value = { ...this.initial(), ...(JSON.parse(fs.readFileSync(this.file, 'utf8')) as T) }
      return true
    } catch (e) {
      warn(`忽略损坏的数据文件 ${path.basename(this.file)}：${(e as Error).message}`)
      return false
    }
  }

  get(): T {
    return this.value
  }

  reset(): void {
    this.value = this.initial()
  }

  update(patch: Partial<T>): T {
    const prev = this.value
    const next = { ...this.value, ...patch }
    this.value = next
    this.store.stage(this, this.name, next, () => (this.value = prev))
    return next
  }
}

/** Uploaded bytes: dataDir/files/<fileId>.bin, written durably before the record that names them. */
export class BlobStore {
  private readonly dir: string
  constructor(
    root: string,
    private readonly disk: Disk,
  ) {
    this.dir = path.join(root, 'files')
  }
  private fileOf(id: string): string {
    return path.join(this.dir, fileNameOf(id).replace(/\.json$/, '.bin'))
  }
  /** Removes temp files and bytes no upload record names (a crash between the bytes and the record). */
  init(known: Iterable<string>): void {
    fs.mkdirSync(this.dir, { recursive: true })
    const keep = new Set([...known].map((id) => path.basename(this.fileOf(id))))
    for (const f of fs.readdirSync(this.dir)) if (!keep.has(f)) fs.rmSync(path.join(this.dir, f), { force: true })
  }
  put(id: string, data: Buffer): void {
    this.disk.writeDurably(this.fileOf(id), data)
    this.disk.fsyncDir(this.dir)
  }
  get(id: string): Buffer | undefined {
    const f = this.fileOf(id)
    return fs.existsSync(f) ? fs.readFileSync(f) : undefined
  }
}
