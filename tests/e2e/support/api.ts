import type { ActionId, InputOf, OutputOf } from '../../../cloudfunctions/contracts/registry'
import type { ApiResponse } from '../../../cloudfunctions/contracts/errors'

/** A persona's dev session token, as the login page gets it. */
export async function devToken(baseUrl: string, personaId: string): Promise<string> {
  const res = await fetch(`${baseUrl}dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ personaId })
  })
  const body = (await res.json()) as { token?: string }
  if (!body.token) throw new Error(`dev login failed for ${personaId}: ${res.status}`)
  return body.token
}

/** Calls an action over HTTP as a persona, like the H5 app does; throws unless it succeeds. */
export async function callAs<A extends ActionId>(baseUrl: string, personaId: string, id: A, input: InputOf<A>, communityId?: string): Promise<OutputOf<A>> {
  return callWith(baseUrl, await devToken(baseUrl, personaId), id, input, communityId)
}

/** Calls an action with a bearer token ('' for nobody, as a console before it signs in); throws unless it succeeds. */
export async function callWith<A extends ActionId>(baseUrl: string, token: string, id: A, input: InputOf<A>, communityId?: string): Promise<OutputOf<A>> {
  const [fn, action] = id.split('.') as [string, string]
  const res = await fetch(`${baseUrl}api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ action, input, ...(communityId ? { communityId } : {}) })
  })
  const body = (await res.json()) as ApiResponse<OutputOf<A>>
  if (!body.ok) throw new Error(`${id} failed: ${body.error.code} ${body.error.message}`)
  return body.data
}

/** A resident pays the oldest outstanding bill of a household through the sandbox cashier; returns the payment id. */
export async function payOneBill(baseUrl: string, personaId: string, householdId: string, communityId: string): Promise<string> {
  const bills = await callAs(baseUrl, personaId, 'fee.myBills', { householdId, status: 'outstanding' }, communityId)
  const bill = bills.bills[0]
  if (!bill) throw new Error(`${householdId} has no outstanding bill`)
  return payThrough(baseUrl, personaId, { type: 'bill', id: bill.id }, communityId)
}

/** A resident pays a pre-sale order through the sandbox cashier; returns the payment id. */
export function payOrder(baseUrl: string, personaId: string, orderId: string, communityId: string): Promise<string> {
  return payThrough(baseUrl, personaId, { type: 'order', id: orderId }, communityId)
}

async function payThrough(baseUrl: string, personaId: string, payable: InputOf<'pay.create'>['payables'][number], communityId: string): Promise<string> {
  const pay = await callAs(baseUrl, personaId, 'pay.create', { payables: [payable], clientRequestId: `e2e-${Date.now()}-${Math.random()}` }, communityId)
  if (pay.launch?.kind === 'sandbox') {
    await fetch(`${baseUrl}sandbox/pay/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await devToken(baseUrl, personaId)}` },
      body: JSON.stringify({ prepayId: pay.launch.prepayId })
    })
  }
  return pay.payment.id
}
