// Persistence: one JSON file per record under dataDir/<collection>/, written atomically (temp file + rename),
// so a crash mid-write leaves the old record whole and a restart loads exactly what was answered.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

let tmpCounter = 0

export function writeFileAtomic(file: string, data: string | Buffer): void {
  const tmp = `${file}.${process.pid}.${++tmpCounter}.tmp`
  fs.writeFileSync(tmp, data)
  fs.renameSync(tmp, file)
}

function fileNameOf(id: string): string {
  // ids come from clients too: anything unusual is hashed so it can never leave the folder
  return /^[A-Za-z0-9_.@-]{1,120}$/.test(id) && !id.startsWith('.') ? `${id}.json` : `h-${createHash('sha256').update(id).digest('hex')}.json`
}

export type Warn = (message: string) => void

export class Collection<T> {
  private readonly map = new Map<string, T>()
  private readonly dir: string

  constructor(root: string, readonly name: string) {
    this.dir = path.join(root, name)
  }

  load(warn: Warn): void {
    this.map.clear()
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
        this.map.set(rec.id, rec.value)
      } catch (e) {
        warn(`忽略损坏的数据文件 ${this.name}/${f}：${(e as Error).message}`)
      }
    }
  }

  get(id: string): T | undefined {
    return this.map.get(id)
  }

  has(id: string): boolean {
    return this.map.has(id)
  }

  set(id: string, value: T): T {
    writeFileAtomic(path.join(this.dir, fileNameOf(id)), JSON.stringify({ id, value }))
    this.map.set(id, value)
    return value
  }

  delete(id: string): boolean {
    if (!this.map.has(id)) return false
    fs.rmSync(path.join(this.dir, fileNameOf(id)), { force: true })
    this.map.delete(id)
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

/** A single JSON document (counters, clock). */
export class Doc<T extends object> {
  private value: T
  private readonly file: string

  constructor(root: string, name: string, private readonly initial: () => T) {
    this.file = path.join(root, `${name}.json`)
    this.value = initial()
  }

  load(warn: Warn): boolean {
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
    const next = { ...this.value, ...patch }
    writeFileAtomic(this.file, JSON.stringify(next, null, 2))
    this.value = next
    return next
  }
}

/** Uploaded bytes: dataDir/files/<fileId>. */
export class BlobStore {
  private readonly dir: string
  constructor(root: string) {
    this.dir = path.join(root, 'files')
  }
  init(): void {
    fs.mkdirSync(this.dir, { recursive: true })
  }
  put(id: string, data: Buffer): void {
    writeFileAtomic(path.join(this.dir, fileNameOf(id).replace(/\.json$/, '.bin')), data)
  }
  get(id: string): Buffer | undefined {
    const f = path.join(this.dir, fileNameOf(id).replace(/\.json$/, '.bin'))
    return fs.existsSync(f) ? fs.readFileSync(f) : undefined
  }
}
