// The mock provincial integrated platform (省一体化平台): a real HTTP service on node:http.
import { createHash } from 'node:crypto'
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ADMIN_TOKEN_HEADER, API_PREFIX, IDEMPOTENCY_HEADER, type FaultConfig, type HealthResponse } from '../../src/services/contract'
import { canonicalJson } from '../../src/services/platform/canonical'
import { Auth } from './auth'
import { Catalogue } from './catalogue'
import type { Core, Ctx, Route } from './core'
import { Faults } from './faults'
import { bearerToken, errorReply, fail, header, HttpError, json, LIMITS, parseJsonBody, readBody, writeReply, type Reply } from './http'
import { IdempotencyStore } from './idempotency'
import { consoleLogger, redactingLogger, type Logger } from './logger'
import { boundaryOf, parseMultipart, type Part } from './multipart'
import { caseRoutes } from './routes-cases'
import { deptRoutes } from './routes-dept'
import { dataRoutes } from './routes-data'
import { identityRoutes } from './routes-identity'
import { State } from './state'
import { createStaticHandler } from './static'

export const PLATFORM_VERSION = '1.0.0'

export interface PlatformOptions {
  dataDir: string
  /** folder with bundles/*.json and regions.json */
  catalogueDir: string
  /** real time source in ms (tests pin it); the simulated clock adds an offset kept in state */
  clock?: () => number
  logger?: Logger
  /** a built H5 app to serve at the same origin */
  staticDir?: string
  /** X-Admin-Token value (default MOCK_ADMIN_TOKEN or 'dev-admin') */
  adminToken?: string
  faults?: FaultConfig
  accessTtlMs?: number
  refreshTtlMs?: number
  /** sign in unknown WeChat codes as the fixture with this code (DevTools' wx.login codes are random) */
  wechatFallbackCode?: string
  limits?: Partial<typeof LIMITS>
}

export interface Platform {
  listen(port?: number, host?: string): Promise<{ url: string; port: number }>
  close(): Promise<void>
  /** the simulated now */
  now(): Date
  setFaults(config: FaultConfig): void
  reset(): void
  readonly core: Core
}

interface Compiled {
  route: Route
  re: RegExp
  keys: string[]
}

function compileRoute(route: Route): Compiled {
  const keys: string[] = []
  const re = new RegExp(
    '^' +
      API_PREFIX +
      route.pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:([A-Za-z]\w*)/g, (_, k: string) => {
        keys.push(k)
        return '([^/]+)'
      }) +
      '/?$',
  )
  return { route, re, keys }
}

const CORS: Record<string, string> = {
  // tokens travel in the Authorization header, never in cookies, so any origin may call
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': `Authorization, Content-Type, ${IDEMPOTENCY_HEADER}, If-None-Match, ${ADMIN_TOKEN_HEADER}`,
  'Access-Control-Expose-Headers': 'ETag, Idempotent-Replayed',
  'Access-Control-Max-Age': '600',
}

export function createPlatform(options: PlatformOptions): Platform {
  const realNow = options.clock ?? Date.now
  const log = redactingLogger(options.logger ?? consoleLogger)
  const limits = { ...LIMITS, ...options.limits }
  const adminToken = options.adminToken ?? process.env.MOCK_ADMIN_TOKEN ?? 'dev-admin'
  const state = new State(options.dataDir)
  state.load((m) => log.warn(m), new Date(realNow()))
  const now = () => realNow() + state.meta.get().clockOffsetMs
  const catalogue = new Catalogue(options.catalogueDir, state.templates, log)
  const auth = new Auth(state, { accessTtlMs: options.accessTtlMs ?? 2 * 3600_000, refreshTtlMs: options.refreshTtlMs ?? 30 * 24 * 3600_000 })
  const core: Core = {
    state,
    catalogue,
    auth,
    idempotency: new IdempotencyStore(state.idempotency),
    faults: new Faults(options.faults),
    log,
    now,
    version: PLATFORM_VERSION,
    wechatFallbackCode: options.wechatFallbackCode,
  }
  catalogue.refresh()
  auth.purge(now())
  core.idempotency.purge(now())

  const reset = () => {
    state.reset((m) => log.warn(m), new Date(realNow()))
    auth.reindex()
    catalogue.invalidate()
    catalogue.refresh()
    log.info('数据已重置为初始样例')
  }

  const routes: Compiled[] = [
    {
      method: 'GET',
      pattern: '/health',
      auth: 'none',
      handler: () => json(200, { ok: true, version: PLATFORM_VERSION, time: new Date(now()).toISOString() } satisfies HealthResponse),
    } as Route,
    ...identityRoutes(core),
    ...dataRoutes(core),
    ...caseRoutes(core, { reset }),
    ...deptRoutes(core),
  ].map(compileRoute)

  const serveStatic = options.staticDir ? createStaticHandler(options.staticDir) : undefined
  const hanging = new Set<ServerResponse>()

  async function dispatch(req: IncomingMessage, path: string, query: URLSearchParams): Promise<Reply | 'hang' | 'drop'> {
    const method = (req.method ?? 'GET').toUpperCase()
    if (method === 'OPTIONS') return { status: 204, headers: {} }
    const candidates = routes.map((c) => ({ c, m: c.re.exec(path) })).filter((x) => x.m)
    if (!candidates.length) fail('NOT_FOUND', '接口不存在')
    const hit = candidates.find((x) => x.c.route.method === method || (method === 'HEAD' && x.c.route.method === 'GET'))
    if (!hit) return fail('METHOD_NOT_ALLOWED', `该接口不支持 ${method} 请求`)
    const { route, keys } = hit.c
    const params: Record<string, string> = {}
    keys.forEach((k, i) => {
      try {
        params[k] = decodeURIComponent(hit.m![i + 1])
      } catch {
        fail('BAD_REQUEST', '路径中的编号格式不正确')
      }
    })

    const fault = core.faults.decide(method, path)
    if (fault.error) {
      if (fault.latencyMs) await sleep(fault.latencyMs)
      return fail('UNAVAILABLE', '平台繁忙（模拟故障），请稍后重试')
    }

    // who is calling
    const ctx: Ctx = { req, method, path, params, query, body: undefined, raw: Buffer.alloc(0), adminToken: false }
    const presentedAdmin = header(req, ADMIN_TOKEN_HEADER)
    const staffRoute = route.auth === 'admin' || route.auth === 'staff'
    if (staffRoute && presentedAdmin !== undefined) {
      if (presentedAdmin !== adminToken) fail('UNAUTHORIZED', '管理令牌不正确')
      ctx.adminToken = true
    } else if (route.auth !== 'none') {
      const { session, user } = auth.authenticate(bearerToken(req), now())
      ctx.session = session
      ctx.user = user
      if (route.auth === 'citizen' && user.profile.role !== 'citizen') fail('FORBIDDEN', '该功能仅限群众和企业办事人使用')
      if (staffRoute && user.profile.role !== 'staff') fail('FORBIDDEN', '该功能仅限工作人员使用')
    }

    // body
    let fingerprintBody = ''
    if (route.body === 'json' || route.body === 'json-optional') {
      ctx.raw = await readBody(req, limits.jsonBytes)
      ctx.body = parseJsonBody(ctx.raw, header(req, 'content-type'))
      if (ctx.body === undefined && route.body === 'json') fail('BAD_REQUEST', '缺少请求内容（JSON）')
      fingerprintBody = canonicalJson(ctx.body ?? null)
    } else if (route.body === 'multipart') {
      const boundary = boundaryOf(header(req, 'content-type'))
      ctx.raw = await readBody(req, limits.uploadBytes)
      const parts: Part[] = parseMultipart(ctx.raw, boundary)
      ctx.body = { parts }
      // the boundary differs between retries: fingerprint the fields and the file bytes instead
      fingerprintBody = canonicalJson(parts.map((p) => ({ n: p.name, f: p.filename ?? null, h: createHash('sha256').update(p.data).digest('hex') })))
    } else {
      await readBody(req, limits.jsonBytes)
    }

    // idempotency
    let idem: { id: string; meta: { userId: string; key: string; method: string; path: string; fingerprint: string } } | undefined
    if (route.idempotency) {
      const key = IdempotencyStore.checkKey(header(req, IDEMPOTENCY_HEADER), route.idempotency === 'required')
      if (key) {
        const userId = ctx.user?.profile.userId ?? 'anonymous'
        const fingerprint = IdempotencyStore.fingerprint(method, path, fingerprintBody)
        const begin = core.idempotency.begin(userId, key, method, path, fingerprint, now())
        if (begin.kind === 'replay') return begin.reply
        idem = { id: begin.id, meta: { userId, key, method, path, fingerprint } }
      }
    }

    let reply: Reply | undefined
    try {
      // latency after the key is taken, so a retry during it sees IN_FLIGHT
      if (fault.latencyMs) await sleep(fault.latencyMs)
      reply = await route.handler(ctx)
    } finally {
      if (idem) core.idempotency.finish(idem.id, idem.meta, reply, now())
    }
    if (fault.timeout) return 'hang'
    if (fault.drop) return 'drop'
    return reply
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now()
    let url: URL
    try {
      url = new URL(req.url ?? '/', 'http://localhost')
    } catch {
      writeReply(res, errorReply(new HttpError('BAD_REQUEST', '请求地址格式不正确')))
      return
    }
    const path = url.pathname
    res.on('finish', () => log.info(`${req.method} ${path} ${res.statusCode} ${Date.now() - started}ms`))
    if (!path.startsWith('/api/')) {
      if (serveStatic && serveStatic(req, res, path)) return
      writeReply(res, { status: 404, json: { error: { code: 'NOT_FOUND', message: '页面不存在' } } })
      return
    }
    let out: Reply | 'hang' | 'drop'
    try {
      out = await dispatch(req, path, url.searchParams)
    } catch (e) {
      if (e instanceof HttpError) out = errorReply(e)
      else {
        log.error(`${req.method} ${path} 处理失败：${(e as Error)?.stack ?? String(e)}`)
        out = errorReply(new HttpError('SERVER', '平台内部错误，请稍后重试'))
      }
    }
    if (out === 'hang') {
      // simulated timeout: keep the connection open until the client gives up
      hanging.add(res)
      res.on('close', () => hanging.delete(res))
      log.info(`${req.method} ${path} 模拟超时：不作应答`)
      return
    }
    if (out === 'drop') {
      log.info(`${req.method} ${path} 模拟断线：已处理但不应答`)
      req.socket.destroy()
      return
    }
    if (res.headersSent || res.destroyed) return
    out.headers = { ...CORS, ...out.headers }
    if (out.status === 413 || out.status === 415) out.headers.Connection = 'close'
    writeReply(res, out)
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e) => {
      // last line of defence: the server never crashes on one request
      log.error(`未处理的错误：${(e as Error)?.stack ?? String(e)}`)
      if (!res.headersSent && !res.destroyed) writeReply(res, errorReply(new HttpError('SERVER', '平台内部错误，请稍后重试')))
    })
  })
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    else socket.destroy()
  })
  server.keepAliveTimeout = 5000

  return {
    core,
    now: () => new Date(now()),
    setFaults: (config) => void core.faults.set(config),
    reset,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => {
          server.off('error', reject)
          const a = server.address() as AddressInfo
          const h = a.family === 'IPv6' ? `[${a.address}]` : a.address
          resolve({ url: `http://${h}:${a.port}`, port: a.port })
        })
      })
    },
    close() {
      return new Promise<void>((resolve) => {
        for (const r of hanging) r.socket?.destroy()
        hanging.clear()
        if (!server.listening) return resolve()
        server.close(() => resolve())
        server.closeAllConnections()
      })
    },
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms))
}
