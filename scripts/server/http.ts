import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http'
import { MAX_INPUT_BYTES, type Main } from '../../cloudfunctions/kernel/main'
import { INPUT_BUDGET, type ShapeBudget, jsonTextDepth, parseBoundedJson } from '../../cloudfunctions/kernel/request-shape'
import type { CallerIdentity } from '../../cloudfunctions/kernel/identity'
import type { Ports } from '../../cloudfunctions/kernel/ports'
import { PERSONAS } from '../seed/demo'
import { signDevSession, verifyDevSession } from './dev-session'
import type { LocalContext } from './local-runtime'
import { openDevConsoleSession } from './console-login'
import { FIRST_DAY_PERSONAS, ensurePersonaUser, personaList, personasOf } from './personas'
import { staticFiles } from './static'

export interface ServerOptions {
  mains: Record<string, Main>
  ports: Ports
  devSessionSecret: string
  staticDir: string
  /** The web console's build, served at /console/. */
  consoleDir?: string
  /** Extra POST routes mounted by features (payment notify, the pay sandbox, gates, ...). */
  routes?: Record<string, Route>
  /** Handlers that read the request and answer themselves (binary uploads and what serves them back). */
  handlers?: RawHandler[]
}

export interface RouteReply {
  status: number
  /** Omitted for an empty body (e.g. 204). */
  json?: unknown
}

/** `session` is the verified dev session of the caller, if any: never a body field. */
export type Route = (req: IncomingMessage, body: string, session: { openid: string } | null) => Promise<RouteReply>

/**
 * Sees every request before the API, routes and static files; answers and returns true for the
 * ones it owns. For bodies a JSON route cannot take (a photo is binary and larger than MAX_BODY).
 */
/** A handler beside the API; it gets the caller the bearer token names (a mini-program user or a console), verified once. */
export type RawHandler = (req: IncomingMessage, res: ServerResponse, identity: CallerIdentity | null) => Promise<boolean>

/** A little above CloudBase's 100 KB request cap, so the handler's own limit answers first. */
const MAX_BODY = MAX_INPUT_BYTES + 36 * 1024
/** A request body as a whole: the envelope puts the input one level down. */
const BODY_BUDGET: ShapeBudget = { ...INPUT_BUDGET, maxBytes: MAX_BODY, maxDepth: INPUT_BUDGET.maxDepth + 1 }

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(text)
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let size = 0
    const chunks: Buffer[] = []
    // Past the limit, keep draining without buffering so the client still gets its 413.
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size <= MAX_BODY) chunks.push(c)
    })
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

export function createLocalServer(o: ServerOptions): Server {
  let seq = 0
  const { log, clock, random } = o.ports
  const serveStatic = staticFiles(o.staticDir)
  const serveConsole = o.consoleDir ? staticFiles(o.consoleDir, { prefix: '/console', missing: 'console build missing: run `npm run build:console` (npm start does this for you).' }) : null
  const identityOf = (req: IncomingMessage): CallerIdentity | null => {
    const auth = req.headers.authorization ?? ''
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : ''
    const s = token ? verifyDevSession(o.devSessionSecret, token, clock.now()) : null
    if (!s) return null
    return 'openid' in s ? { source: 'dev', openid: s.openid } : { source: 'console', sessionId: s.consoleSession }
  }
  /** The demo persona a dev sign-in names in its body, or why there is none. */
  const personaOf = async (req: IncomingMessage): Promise<(typeof PERSONAS)[number] | { status: number; error: string }> => {
    const body = await readBody(req)
    const parsed = body === null ? null : parseBoundedJson(body || '{}', BODY_BUDGET)
    if (!parsed?.ok) return { status: 400, error: '请求不是合法的 JSON：请发送 {"personaId": "..."}' }
    const personaId = typeof parsed.value === 'object' && parsed.value !== null ? (parsed.value as { personaId?: unknown }).personaId : undefined
    return [...PERSONAS, ...FIRST_DAY_PERSONAS].find((p) => p.id === personaId) ?? { status: 404, error: 'unknown persona' }
  }
  return createServer((req, res) => {
    void (async () => {
      const url = req.url ?? '/'
      const started = Date.now()
      // Verified once per request: the API, the routes and the upload handlers all read it.
      const identity = identityOf(req)
      /** Routes act for a mini-program user only. */
      const session = identity?.source === 'dev' ? { openid: identity.openid } : null
      try {
        if (url === '/healthz') return sendJson(res, 200, { ok: true })

        if (url === '/dev/personas' && req.method === 'GET') {
          return sendJson(res, 200, { personas: personaList(o.ports.codePepper, await personasOf(o.ports.store)) })
        }
        if (url === '/dev/login' && req.method === 'POST') {
          const persona = await personaOf(req)
          if ('error' in persona) return sendJson(res, persona.status, { error: persona.error })
          await ensurePersonaUser(o.ports.store, persona, clock.now())
          return sendJson(res, 200, { token: signDevSession(o.devSessionSecret, persona.openid, clock.now()) })
        }

        if (url === '/dev/console-login' && req.method === 'POST') {
          const persona = await personaOf(req)
          if ('error' in persona) return sendJson(res, persona.status, { error: persona.error })
          const opened = await openDevConsoleSession(o.ports, persona.openid, o.devSessionSecret)
          return opened.ok ? sendJson(res, 200, { token: opened.token, sessionId: opened.sessionId, expiresAt: opened.expiresAt }) : sendJson(res, 403, { error: opened.error })
        }

        for (const handle of o.handlers ?? []) if (await handle(req, res, identity)) return

        const api = /^\/api\/([a-z][a-z0-9-]*)$/.exec(url.split('?')[0] ?? '')
        if (api && req.method === 'POST') {
          const fn = api[1] ?? ''
          const main = o.mains[fn]
          const requestId = `local-${Date.now().toString(36)}-${(++seq).toString(36)}`
          if (!main) return sendJson(res, 404, { ok: false, error: { code: 'REQUEST.UNKNOWN_ACTION', message: `未知函数：${fn}`, requestId } })
          const body = await readBody(req)
          if (body === null) {
            return sendJson(res, 413, { ok: false, error: { code: 'REQUEST.TOO_LARGE', message: '请求内容过大', requestId } })
          }
          const parsed = parseBoundedJson(body || '{}', BODY_BUDGET)
          if (!parsed.ok) {
            return parsed.reason === 'not_json'
              ? sendJson(res, 400, { ok: false, error: { code: 'REQUEST.INVALID', message: '请求不是合法的 JSON', requestId } })
              : sendJson(res, 413, { ok: false, error: { code: 'REQUEST.TOO_LARGE', message: '请求内容过大或层级过深', requestId } })
          }
          const event = parsed.value
          const context: LocalContext = { request_id: requestId, identity }
          const result = await main(event, context)
          const action = typeof event === 'object' && event !== null ? (event as { action?: unknown }).action : undefined
          const outcome = 'error' in result && typeof result.error === 'object' && result.error ? (result.error as { code: string }).code : 'ok'
          log.info('api', { fn, action: String(action), requestId, ms: Date.now() - started, outcome })
          return sendJson(res, 200, result)
        }

        const route = req.method === 'POST' ? o.routes?.[url.split('?')[0] ?? ''] : undefined
        if (route) {
          const body = await readBody(req)
          if (body === null) return sendJson(res, 413, { code: 'FAIL', message: 'body too large' })
          // Routes parse their own bodies (signatures cover the exact bytes): only the nesting is checked here.
          if (jsonTextDepth(body, BODY_BUDGET.maxDepth) > BODY_BUDGET.maxDepth) return sendJson(res, 400, { code: 'FAIL', message: 'body nested too deeply' })
          const out = await route(req, body, session)
          if (out.json === undefined) {
            res.writeHead(out.status).end()
            return
          }
          return sendJson(res, out.status, out.json)
        }

        if (serveConsole && (req.method === 'GET' || req.method === 'HEAD') && /^\/console(\/|$|\?)/.test(url)) {
          // Relative links resolve against /console/, so the bare path moves there first.
          if (!url.startsWith('/console/')) return void res.writeHead(301, { location: '/console/' + url.slice('/console'.length) }).end()
          return await serveConsole(req, res)
        }
        if (req.method === 'GET' || req.method === 'HEAD') return await serveStatic(req, res)
        res.writeHead(405).end()
      } catch (e) {
        const requestId = random.id(6)
        log.error('local server error', { requestId, url, error: e instanceof Error ? e.stack : String(e) })
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL.ERROR', message: '服务暂时不可用', requestId } })
      }
    })()
  })
}
