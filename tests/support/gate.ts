import { accessHttpRoutes } from '../../cloudfunctions/access/http'
import { accessModule } from '../../cloudfunctions/access/module'
import type { GateAnswer, GateKeysAnswer } from '../../cloudfunctions/contracts/gate'
import { type GateOp, buildDeviceRequest } from '../../cloudfunctions/domain/access/device-auth'
import { type HttpResponse, createHttpMain } from '../../cloudfunctions/kernel/http-main'
import type { FunctionModule } from '../../cloudfunctions/kernel/module'
import type { Ports } from '../../cloudfunctions/kernel/ports'
import { demoGateSecret } from '../../scripts/seed/access'
import { type LocalContext, localRuntime } from '../../scripts/server/local-runtime'

/**
 * A simulated gate device talking to the `access` function's HTTP entry in process, the way the
 * CloudBase HTTP access service would deliver its requests.
 */
export interface GateSim {
  /** Sends a raw HTTP event; for malformed-request cases. */
  http(event: unknown, context?: Partial<LocalContext>): Promise<HttpResponse>
  verify(deviceId: string, door: string, code: string, opts?: RequestOpts): Promise<GateAnswer>
  keys(deviceId: string, opts?: RequestOpts): Promise<GateKeysAnswer>
  /** A signed request, ready to send (or to replay). */
  signed(op: GateOp, fields: Record<string, unknown>, secret?: Buffer): { body: string; headers: Record<string, string> }
  send(op: GateOp, req: { body: string; headers: Record<string, string> }): Promise<unknown>
}

export interface RequestOpts {
  secret?: Buffer
  ts?: number
  nonce?: string
}

export function gateSim(ports: Ports): GateSim {
  const main = createHttpMain(accessModule as unknown as FunctionModule, localRuntime(ports), accessHttpRoutes)
  let n = 0
  const http = async (event: unknown, context: Partial<LocalContext> = {}) => {
    const res = await main(event, { request_id: `gate-req-${++n}`, identity: null, ...context })
    if (!('statusCode' in res)) throw new Error(`expected an HTTP response, got ${JSON.stringify(res)}`)
    return res
  }
  const send = async (op: GateOp, req: { body: string; headers: Record<string, string> }) => {
    const res = await http({ httpMethod: 'POST', path: `/gate/${op}`, headers: req.headers, body: req.body, isBase64Encoded: false })
    return JSON.parse(res.body) as unknown
  }
  const signed = (op: GateOp, fields: Record<string, unknown>, secret?: Buffer) => {
    const deviceId = String(fields.deviceId)
    return buildDeviceRequest(secret ?? demoGateSecret(deviceId), op, fields as Parameters<typeof buildDeviceRequest>[2])
  }
  const fields = (deviceId: string, opts: RequestOpts) => ({
    deviceId,
    ts: opts.ts ?? ports.clock.now(),
    nonce: opts.nonce ?? `nonce-${(++n).toString().padStart(6, '0')}`
  })
  return {
    http,
    send,
    signed,
    async verify(deviceId, door, code, opts = {}) {
      return (await send('verify', signed('verify', { ...fields(deviceId, opts), door, code }, opts.secret))) as GateAnswer
    },
    async keys(deviceId, opts = {}) {
      return (await send('keys', signed('keys', fields(deviceId, opts), opts.secret))) as GateKeysAnswer
    }
  }
}
