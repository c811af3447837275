import * as z from 'zod'
import { type Main, type Runtime, createMain } from './main'
import type { FunctionModule } from './module'
import type { Ports } from './ports'
import { INPUT_BUDGET, jsonTextDepth } from './request-shape'

/**
 * Functions that devices call over HTTP (CloudBase's HTTP access service) as well as the
 * mini-program through `callFunction`. The HTTP service invokes the function with an
 * "integrated request" event and accepts an "integrated response"; everything else goes
 * through the ordinary request path unchanged.
 *
 * An HTTP-shaped event is routed here only when the platform attached no WeChat identity:
 * HTTP access carries none, so a mini-program caller who dresses its data up as an HTTP
 * request still lands on the ordinary path (and is answered REQUEST.INVALID there). The routes
 * authenticate the device themselves.
 */
export interface HttpRequest {
  method: string
  path: string
  /** Lower-cased names, string values. */
  headers: Record<string, string>
  body: string
}

/** `json` is sent serialised; `text` as it is (e.g. WeChat Pay's empty 204 acknowledgement). */
export type HttpReply = { status: number; json: unknown } | { status: number; text: string }

export type HttpRoute = (req: HttpRequest, ctx: { ports: Ports; requestId: string }) => Promise<HttpReply>

/** Routes are keyed by the path's last segment, so the deployed prefix (`/gate`) does not matter. */
export type HttpRoutes = Record<string, HttpRoute>

export interface HttpResponse {
  statusCode: number
  headers: Record<string, string>
  body: string
  isBase64Encoded: false
}

const HttpEvent = z.object({
  httpMethod: z.string().min(1).max(16),
  path: z.string().max(512),
  headers: z.record(z.string(), z.unknown()).nullish(),
  body: z.string().nullish(),
  isBase64Encoded: z.union([z.boolean(), z.string()]).nullish()
})

export type HttpMain = (event: unknown, context?: unknown) => Promise<Awaited<ReturnType<Main>> | HttpResponse>

function reply(status: number, json: unknown, text?: string): HttpResponse {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: text ?? JSON.stringify(json),
    isBase64Encoded: false
  }
}

export function createHttpMain(module: FunctionModule, runtime: Runtime, routes: HttpRoutes): HttpMain {
  const rpc = createMain(module, runtime)
  return async function main(event: unknown, context?: unknown) {
    const http = HttpEvent.safeParse(event)
    if (!http.success || runtime.identity(event, context)) return rpc(event, context)
    const requestId = runtime.requestId(context)
    const e = http.data
    const segment = e.path.split('?')[0]?.replace(/\/+$/, '').split('/').pop() ?? ''
    const route = Object.prototype.hasOwnProperty.call(routes, segment) ? routes[segment] : undefined
    if (!route) return reply(404, { error: 'NOT_FOUND', requestId })
    if (e.httpMethod.toUpperCase() !== 'POST') return reply(405, { error: 'METHOD_NOT_ALLOWED', requestId })
    const headers: Record<string, string> = {}
    for (const [k, v] of Object.entries(e.headers ?? {})) if (typeof v === 'string') headers[k.toLowerCase()] = v
    const raw = e.body ?? ''
    const base64 = e.isBase64Encoded === true || e.isBase64Encoded === 'true'
    const body = base64 ? Buffer.from(raw, 'base64').toString('utf8') : raw
    // Devices and WeChat Pay send small, flat JSON: refuse anything else before a route parses it.
    // `code`/`message` is the shape WeChat Pay reads in an error reply; `error` the one gates read.
    if (Buffer.byteLength(body, 'utf8') > INPUT_BUDGET.maxBytes) return reply(413, { code: 'FAIL', message: 'body too large', error: 'TOO_LARGE', requestId })
    if (jsonTextDepth(body, INPUT_BUDGET.maxDepth) > INPUT_BUDGET.maxDepth) return reply(400, { code: 'FAIL', message: 'body nested too deeply', error: 'TOO_DEEP', requestId })
    let ports: Ports | null = null
    try {
      ports = await runtime.ports()
      const out = await route({ method: 'POST', path: e.path, headers, body }, { ports, requestId })
      return 'text' in out ? reply(out.status, null, out.text) : reply(out.status, out.json)
    } catch (err) {
      const detail = err instanceof Error ? { message: err.message, stack: err.stack } : { value: String(err) }
      if (ports) ports.log.error('unexpected error in http route', { requestId, fn: module.fn, route: segment, ...detail })
      else console.error(JSON.stringify({ level: 'error', msg: 'unexpected error in http route', requestId, ...detail }))
      return reply(500, { error: 'INTERNAL', requestId })
    }
  }
}
