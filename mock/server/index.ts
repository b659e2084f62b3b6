// The mock provincial integrated platform (省一体化平台): a real HTTP service on node:http.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ACTING_GRANT_HEADER, ADMIN_TOKEN_HEADER, API_PREFIX, IDEMPOTENCY_HEADER, type FaultConfig, type HealthResponse, type Role } from '../../src/services/contract'
import { canonicalJson } from '../../src/services/platform/canonical'
import { Auth } from './auth'
import { Catalogue } from './catalogue'
import type { Access, Core, Ctx, Route } from './core'
import { Faults } from './faults'
import { bearerToken, errorReply, fail, header, HttpError, json, LIMITS, parseJsonBody, readBody, writeReply, type Limits, type Reply } from './http'
import { IdempotencyStore, type Attempt } from './idempotency'
import { consoleLogger, redactingLogger, type Logger } from './logger'
import { boundaryOf, parseMultipart, type Part } from './multipart'
import { actUnder, auditBy, checkScope, purposeOf } from './assist'
import { assistRoutes } from './routes-assist'
import { bookingRoutes } from './routes-bookings'
import { windowGrantRoutes } from './routes-window-grants'
import { caseRoutes } from './routes-cases'
import { consultRoutes } from './routes-consult'
import { deptRoutes } from './routes-dept'
import { dataRoutes, type UploadQuota } from './routes-data'
import { identityRoutes } from './routes-identity'
import { sharedRecordRoutes } from './routes-shared-records'
import { State } from './state'
import { createStaticHandler } from './static'
import { Crash, type CrashPlan } from './store'
import { createGuards, type SmsLimits, type StaffLimits } from './throttle'

export const PLATFORM_VERSION = '1.0.0'

/** The H5 dev server's origins (`npm start`, `npm run dev:h5`): the app's own. */
export function devServerOrigins(port: number | string = 10086): string[] {
  return [`http://localhost:${port}`, `http://127.0.0.1:${port}`]
}

export interface PlatformOptions {
  dataDir: string
  /** folder with bundles/*.json and regions.json */
  catalogueDir: string
  /** real time source in ms (tests pin it); the simulated clock adds an offset kept in state */
  clock?: () => number
  logger?: Logger
  /** a built H5 app to serve at the same origin */
  staticDir?: string
  /** X-Admin-Token for the simulation controls; default: random, new at every start (see `adminToken`) */
  adminToken?: string
  faults?: FaultConfig
  accessTtlMs?: number
  refreshTtlMs?: number
  /** sign in unknown WeChat codes from this machine as the fixture with this code (DevTools' wx.login codes are random) */
  wechatFallbackCode?: string
  limits?: Partial<Limits>
  /** browser origins allowed to call the API besides the platform's own (default: the H5 dev server's) */
  corsOrigins?: string[]
  throttle?: { staff?: Partial<StaffLimits>; sms?: Partial<SmsLimits> }
  uploadQuota?: Partial<UploadQuota>
  /** tests: die at a write point (store.ts) */
  crash?: CrashPlan
}

export interface Platform {
  listen(port?: number, host?: string): Promise<{ url: string; port: number }>
  close(): Promise<void>
  /** the simulated now */
  now(): Date
  setFaults(config: FaultConfig): void
  reset(): void
  /** the X-Admin-Token of this run */
  readonly adminToken: string
  /** the write point a crash test stopped at (the platform no longer answers) */
  readonly crashed: string | undefined
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
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
  // no X-Admin-Token: the simulation controls are for tools on this machine, never for a web page
  'Access-Control-Allow-Headers': `Authorization, Content-Type, ${IDEMPOTENCY_HEADER}, If-None-Match, ${ACTING_GRANT_HEADER}`,
  'Access-Control-Expose-Headers': 'ETag, Idempotent-Replayed',
  'Access-Control-Max-Age': '600',
  Vary: 'Origin',
}

const ROLE_NAMES: Record<Role, string> = { citizen: '群众和企业办事人', staff: '窗口工作人员', reviewer: '审批人员' }

const isLoopbackAddress = (a: string | undefined) => !!a && /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/.test(a.trim())

/** Who is calling: the direct peer, or the client a proxy on this machine (the H5 dev server) names. */
function callerOf(req: IncomingMessage): { client: string; loopback: boolean } {
  const peer = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '')
  const forwarded = header(req, 'x-forwarded-for')
  if (!isLoopbackAddress(peer) || !forwarded) return { client: peer, loopback: isLoopbackAddress(peer) }
  const chain = forwarded.split(',').map((x) => x.trim().replace(/^::ffff:/, ''))
  return { client: chain[0] || peer, loopback: chain.every(isLoopbackAddress) }
}

function sameSecret(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest()
  const y = createHash('sha256').update(b).digest()
  return timingSafeEqual(x, y)
}

export function createPlatform(options: PlatformOptions): Platform {
  const realNow = options.clock ?? Date.now
  const log = redactingLogger(options.logger ?? consoleLogger)
  const limits: Limits = { ...LIMITS, ...options.limits }
  const adminToken = options.adminToken || randomBytes(18).toString('base64url')
  const corsOrigins = new Set(options.corsOrigins ?? devServerOrigins())
  const state = new State(options.dataDir, options.crash)
  state.load((m) => log.warn(m), new Date(realNow()))
  const now = () => realNow() + state.meta.get().clockOffsetMs
  const catalogue = new Catalogue(options.catalogueDir, state.templates, log)
  const auth = new Auth(state, { accessTtlMs: options.accessTtlMs ?? 2 * 3600_000, refreshTtlMs: options.refreshTtlMs ?? 30 * 24 * 3600_000 }, log)
  const core: Core = {
    state,
    catalogue,
    auth,
    idempotency: new IdempotencyStore(state.idempotency),
    faults: new Faults(options.faults),
    guards: createGuards(options.throttle),
    log,
    now,
    version: PLATFORM_VERSION,
    wechatFallbackCode: options.wechatFallbackCode,
  }
  state.transaction(() => catalogue.refresh())
  auth.purge(now())
  state.transaction(() => core.idempotency.purge(now()))

  const reset = () => {
    state.reset((m) => log.warn(m), new Date(realNow()))
    catalogue.invalidate()
    state.transaction(() => catalogue.refresh())
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
    ...sharedRecordRoutes(core),
    ...dataRoutes(core, { ...options.uploadQuota }),
    ...caseRoutes(core, { reset }),
    ...assistRoutes(core),
    ...bookingRoutes(core),
    ...windowGrantRoutes(core),
    ...deptRoutes(core),
    ...consultRoutes(core),
  ].map(compileRoute)

  const serveStatic = options.staticDir ? createStaticHandler(options.staticDir) : undefined
  const hanging = new Set<ServerResponse>()
  const disk = state.store.disk

  function checkAccess(route: Route, ctx: Ctx): void {
    const access: Access = route.auth
    if (access === 'none') return
    if (access === 'simulation') {
      // no sign-in gives these: the token printed at start, presented from this machine
      const presented = header(ctx.req, ADMIN_TOKEN_HEADER)
      if (!ctx.loopback) fail('FORBIDDEN', '模拟平台的控制接口只接受本机的请求')
      if (!presented) fail('FORBIDDEN', '这是模拟平台的控制接口，须带上本次启动时打印的管理令牌（X-Admin-Token）')
      if (!sameSecret(presented as string, adminToken)) fail('FORBIDDEN', '管理令牌不正确：每次启动都会生成新的令牌（npm start 会打印），或用 MOCK_ADMIN_TOKEN 指定')
      return
    }
    const { session, user } = auth.authenticate(bearerToken(ctx.req), now())
    ctx.session = session
    ctx.user = user
    // staff (and a citizen naming a grant: a relative) act for the grant's citizen on the routes that allow it
    const grantId = header(ctx.req, ACTING_GRANT_HEADER)
    if (route.acting && (grantId || user.profile.role !== 'citizen')) {
      if (!grantId) fail('FORBIDDEN', '代办须有申请人的授权：请先扫描或输入申请人出示的授权码')
      return actUnder(core, ctx, grantId as string)
    }
    if (access === 'user') return
    const roles: readonly Role[] = typeof access === 'string' ? [access] : access
    if (!roles.includes(user.profile.role)) fail('FORBIDDEN', `该功能仅限${roles.map((r) => ROLE_NAMES[r]).join('、')}使用`)
  }

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
    const routeName = `${route.method} ${route.pattern}`
    // one transaction; in a crash test, the write points of the planned route are counted
    const commit = <T>(fn: () => T): T => {
      disk.arm(routeName)
      try {
        return state.transaction(fn)
      } finally {
        disk.disarm()
      }
    }

    const fault = core.faults.decide(method, path)
    if (fault.error) {
      if (fault.latencyMs) await sleep(fault.latencyMs)
      return fail('UNAVAILABLE', '平台繁忙（模拟故障），请稍后重试')
    }

    const caller = callerOf(req)
    const ctx: Ctx = { req, method, path, params, query, body: undefined, raw: Buffer.alloc(0), ...caller }
    checkAccess(route, ctx)

    // body
    let fingerprintBody = ''
    if (route.body === 'json' || route.body === 'json-optional') {
      ctx.raw = await readBody(req, limits.jsonBytes, limits)
      ctx.body = parseJsonBody(ctx.raw, header(req, 'content-type'), limits.jsonDepth)
      if (ctx.body === undefined && route.body === 'json') fail('BAD_REQUEST', '缺少请求内容（JSON）')
      fingerprintBody = canonicalJson(ctx.body ?? null)
    } else if (route.body === 'multipart') {
      const boundary = boundaryOf(header(req, 'content-type'))
      ctx.raw = await readBody(req, limits.uploadBytes, limits)
      const parts: Part[] = parseMultipart(ctx.raw, boundary)
      ctx.body = { parts }
      // the boundary differs between retries: fingerprint the fields and the file bytes instead
      fingerprintBody = canonicalJson(parts.map((p) => ({ n: p.name, f: p.filename ?? null, h: createHash('sha256').update(p.data).digest('hex') })))
    } else {
      await readBody(req, limits.jsonBytes, limits)
    }

    // under a grant: what the request touches must be inside it (read from the body, before anything is done)
    if (ctx.actor && route.acting?.scope) checkScope(ctx, route.acting.scope(ctx))
    /** each answered request under a grant is one audit row, in the same commit */
    const audited = (r: Reply): Reply => {
      if (ctx.actor && route.acting && r.status < 300) {
        const { user: actor, grant } = ctx.actor
        auditBy(core, actor, { citizenIds: [grant.citizenId], grantId: grant.id, basis: 'grant', purpose: purposeOf(core, grant), route: routeName, ...route.acting.audit(ctx, r) })
      }
      return r
    }

    // idempotency
    let attempt: Attempt | undefined
    if (route.idempotency) {
      const key = IdempotencyStore.checkKey(header(req, IDEMPOTENCY_HEADER), route.idempotency === 'required')
      if (key) {
        const userId = ctx.user?.profile.userId ?? 'anonymous'
        const fingerprint = IdempotencyStore.fingerprint(method, path, fingerprintBody)
        const replayed = commit(() => {
          const begin = core.idempotency.begin(userId, key, method, path, fingerprint, now())
          if (begin.kind === 'new') {
            attempt = begin.attempt
            return undefined
          }
          const rec = begin.record
          const body = rec.ref !== undefined && route.replay ? route.replay(rec.ref, ctx) : rec.body
          return audited({ status: rec.status, json: body, headers: { 'Idempotent-Replayed': 'true' }, ...(rec.ref !== undefined ? { ref: rec.ref } : {}) })
        })
        if (replayed) return replayed
      }
    }

    let reply: Reply
    try {
      // latency after the key is taken, so a retry during it sees IN_FLIGHT
      if (fault.latencyMs) await sleep(fault.latencyMs)
      if (route.prepare) await route.prepare(ctx)
      // the handler's writes and the idempotency answer: one commit
      reply = commit(() => {
        const r = audited(route.handler(ctx))
        if (attempt) core.idempotency.keep(attempt, r, now())
        return r
      })
    } finally {
      if (attempt) core.idempotency.release(attempt)
    }
    if (fault.timeout) return 'hang'
    if (fault.drop) return 'drop'
    // committed, not yet answered: a crash test may stop here too
    disk.arm(routeName)
    try {
      disk.point('answer')
    } finally {
      disk.disarm()
    }
    return reply
  }

  function corsHeaders(req: IncomingMessage): Record<string, string> | 'refused' | undefined {
    const origin = header(req, 'origin')
    if (!origin) return undefined
    const own = req.headers.host && (origin === `http://${req.headers.host}` || origin === `https://${req.headers.host}`)
    if (!own && !corsOrigins.has(origin)) return 'refused'
    return { ...CORS, 'Access-Control-Allow-Origin': origin }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (disk.dead) {
      req.socket.destroy()
      return
    }
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
    const cors = corsHeaders(req)
    let out: Reply | 'hang' | 'drop'
    let close = false
    try {
      if (cors === 'refused') fail('FORBIDDEN', '该网页来源不能调用省一体化平台接口')
      out = await dispatch(req, path, url.searchParams)
    } catch (e) {
      if (e instanceof Crash) {
        // the simulated process died here: no answer, nothing more from this platform
        log.warn(`模拟崩溃：${e.point}`)
        void stopServer()
        req.socket.destroy()
        return
      }
      if (e instanceof HttpError) {
        out = errorReply(e)
        close = e.close
      } else {
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
    out.headers = { ...(cors && cors !== 'refused' ? cors : {}), ...out.headers }
    // a body not read to its end (far over the limit, or stalled): this connection is done; any other
    // unread body is read and thrown away by node:http, so the client still gets this answer
    if (close) out.headers.Connection = 'close'
    writeReply(res, out, req)
  }

  const server = http.createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: Math.max(limits.requestTimeoutMs, limits.headersTimeoutMs + 1),
      // how often Node checks the two time-outs above (its default, 30 s, would let a stalled header sit)
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(limits.headersTimeoutMs / 2))),
    },
    (req, res) => {
      handle(req, res).catch((e) => {
        // last line of defence: the server never crashes on one request
        log.error(`未处理的错误：${(e as Error)?.stack ?? String(e)}`)
        if (!res.headersSent && !res.destroyed) writeReply(res, errorReply(new HttpError('SERVER', '平台内部错误，请稍后重试')), req)
      })
    },
  )
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy()
    const timedOut = err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
    socket.end(`HTTP/1.1 ${timedOut ? '408 Request Timeout' : '400 Bad Request'}\r\nConnection: close\r\n\r\n`)
  })
  server.keepAliveTimeout = 5000

  function stopServer(): Promise<void> {
    return new Promise<void>((resolve) => {
      for (const r of hanging) r.socket?.destroy()
      hanging.clear()
      if (!server.listening) return resolve()
      server.close(() => resolve())
      server.closeAllConnections()
    })
  }

  return {
    core,
    adminToken,
    get crashed() {
      return disk.dead
    },
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
          if (!isLoopbackAddress(a.address)) warnExposed(log, h, a.port, !!core.wechatFallbackCode)
          resolve({ url: `http://${h}:${a.port}`, port: a.port })
        })
      })
    },
    async close() {
      await stopServer()
      // the journal files left are synced into their records (after a simulated crash: left for the next start)
      if (!disk.dead) await state.store.checkpoint()
    },
  }
}

/** Listening beyond this machine: say loudly what that exposes. */
function warnExposed(log: Logger, host: string, port: number, fallback: boolean): void {
  const lines = [
    '!'.repeat(72),
    `!! 模拟平台正在 ${host}:${port} 上监听：本机以外的设备也能访问。`,
    '!! 这是开发用的模拟平台：样例账号、固定短信验证码 123456 和样例数据对能访问它的人都可用。',
    fallback ? '!! 微信兜底登录（未登记的 code 按样例用户登录）只对本机的请求生效，其他设备须用已登记的 code。' : '!! 微信兜底登录已关闭。',
    '!! 模拟控制接口（重置、故障、时钟）只接受本机的请求。只在可信的网络中这样运行。',
    '!'.repeat(72),
  ]
  for (const l of lines) log.warn(l)
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms))
}
