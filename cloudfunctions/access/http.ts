import { syncGateKeys } from '../domain/access/key-sync'
import { verifyAtGate } from '../domain/access/verify'
import { barrierEvent } from '../domain/parking/barrier'
import type { HttpRoutes } from '../kernel/http-main'

/**
 * What gate devices call over HTTP: `<prefix>/verify`, `<prefix>/keys` and `<prefix>/barrier` (the README deploys
 * the prefix as `/gate`). Every answer is 200 with a decision in the body: a refusal is an
 * outcome the gate acts on, not a transport error.
 */
export const accessHttpRoutes: HttpRoutes = {
  verify: async (req, { ports, requestId }) => ({ status: 200, json: await verifyAtGate(ports, req, requestId) }),
  keys: async (req, { ports, requestId }) => ({ status: 200, json: await syncGateKeys(ports, req, requestId) }),
  // Parking barrier cameras (issue 18): the same devices' authentication, their plate readings.
  barrier: async (req, { ports, requestId }) => ({ status: 200, json: await barrierEvent(ports, req, requestId) })
}
