import type { IncomingMessage } from 'node:http'
import { accessHttpRoutes } from '../../cloudfunctions/access/http'
import { accessModule } from '../../cloudfunctions/access/module'
import { createHttpMain } from '../../cloudfunctions/kernel/http-main'
import type { Ports } from '../../cloudfunctions/kernel/ports'
import type { Route } from './http'
import { type LocalContext, localRuntime, modulePorts } from './local-runtime'

/**
 * `POST /gate/verify`, `/gate/keys` and `/gate/barrier` (parking cameras) on the local server: the request is turned into the
 * event CloudBase's HTTP access service would deliver, and handed to the same entry the deployed
 * `access` function exports. No dev session is ever attached: gates authenticate themselves.
 */
export function gateRoutes(ports: Ports): Record<string, Route> {
  const main = createHttpMain(accessModule, localRuntime(modulePorts(ports, accessModule)), accessHttpRoutes)
  let seq = 0
  const handle: Route = async (req: IncomingMessage, body: string) => {
    const headers: Record<string, string> = {}
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v
    const event = { httpMethod: req.method ?? 'POST', path: (req.url ?? '/').split('?')[0] ?? '/', headers, body, isBase64Encoded: false }
    const context: LocalContext = { request_id: `gate-${Date.now().toString(36)}-${(++seq).toString(36)}`, identity: null }
    const res = await main(event, context)
    if (!('statusCode' in res)) return { status: 500, json: { error: 'INTERNAL', requestId: context.request_id } }
    return { status: res.statusCode, json: JSON.parse(res.body) as unknown }
  }
  return { '/gate/verify': handle, '/gate/keys': handle, '/gate/barrier': handle }
}
