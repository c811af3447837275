import { handlePayNotification } from '../domain/payment/notify'
import type { Runtime } from '../kernel/main'

/**
 * CloudBase's HTTP access service (path /pay/notify, declared at deploy) hands the function an
 * HTTP-shaped event. Only WeChat Pay can produce one that passes the signature check, so a
 * client calling the function with such a shape gets a refusal and nothing changes.
 */
export interface HttpEvent {
  httpMethod: string
  headers: Record<string, string | undefined>
  body: string
  isBase64Encoded?: boolean
}

export interface HttpReply {
  statusCode: number
  headers: Record<string, string>
  body: string
  isBase64Encoded: false
}

export function isHttpEvent(event: unknown): event is HttpEvent {
  if (typeof event !== 'object' || event === null) return false
  const e = event as Record<string, unknown>
  return typeof e.httpMethod === 'string' && typeof e.headers === 'object' && e.headers !== null
}

export async function handleNotifyHttp(event: HttpEvent, runtime: Runtime): Promise<HttpReply> {
  const reply = (statusCode: number, body: string): HttpReply => ({
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body,
    isBase64Encoded: false
  })
  if (event.httpMethod.toUpperCase() !== 'POST') return reply(405, JSON.stringify({ code: 'FAIL', message: 'method not allowed' }))
  const ports = await runtime.ports()
  try {
    // Signatures cover the exact bytes WeChat Pay sent: decode, never re-serialise.
    const body = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : String(event.body ?? '')
    const out = await handlePayNotification(ports, event.headers, body)
    return reply(out.status, out.body)
  } catch (e) {
    ports.log.error('pay notification failed', { error: e instanceof Error ? e.stack : String(e) })
    return reply(500, JSON.stringify({ code: 'FAIL', message: 'internal error, retry later' }))
  }
}
