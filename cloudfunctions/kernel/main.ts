import * as z from 'zod'
import { needsCommunity } from '../contracts/define'
import type { ApiError, ApiResponse, ErrorCode, FieldError } from '../contracts/errors'
import type { Role } from '../contracts/roles'
import { type Actor, loadCaller } from './actor'
import { type Identity, type IdentityResolver, isWechat } from './identity'
import { WechatCsEvent } from './wechat-message'
import type { ActionCtx, BoundAction, FunctionModule, JobReport } from './module'
import type { Ports } from './ports'
import { headline, zodFields } from './input-errors'
import { INPUT_BUDGET, type ShapeBudget, shapeProblem } from './request-shape'

/** What a caller sends to a function. Identity is deliberately absent: it comes from the platform. */
const Envelope = z.object({
  action: z.string().min(1).max(64),
  input: z.unknown().optional(),
  communityId: z.string().min(1).max(64).optional(),
  requestId: z.string().max(64).optional()
})

/** CloudBase's timer-trigger event. Only trusted when no user identity came with it. */
const TimerEvent = z.object({ Type: z.literal('Timer'), TriggerName: z.string() })

/** CloudBase caps a request at 100 KB; we refuse well before that to keep handlers cheap. */
export const MAX_INPUT_BYTES = INPUT_BUDGET.maxBytes

/** The whole event: the input one level down, plus the envelope's few short fields. */
const EVENT_BUDGET: ShapeBudget = { maxBytes: INPUT_BUDGET.maxBytes + 1024, maxDepth: INPUT_BUDGET.maxDepth + 1, maxNodes: INPUT_BUDGET.maxNodes + 16 }

export interface Runtime {
  ports(): Ports | Promise<Ports>
  identity: IdentityResolver
  requestId(context: unknown): string
  /**
   * Whether a timer-shaped event may run a job here. CloudBase delivers timer triggers as events
   * without a user; the local server never does (its scheduler calls jobs directly), so an HTTP
   * request shaped like a timer is refused there.
   */
  acceptsTimerEvents: boolean
}

export type Main = (event: unknown, context?: unknown) => Promise<ApiResponse<unknown> | JobResponse>
export interface JobResponse {
  ok: boolean
  job: string
  report?: JobReport
  error?: string
}

/** Handlers that validate a second schema (an event's own sign-up form) report its fields the same way. */
export { zodFields }

function err(code: ErrorCode, message: string, requestId: string, fields?: FieldError[]): ApiResponse<never> {
  const error: ApiError = fields ? { code, message, requestId, fields } : { code, message, requestId }
  return { ok: false, error }
}

function roleAllowed(actor: Actor, roles: readonly Role[]): boolean {
  return roles.some((r) => actor.roles.includes(r))
}

export function createMain(module: FunctionModule, runtime: Runtime): Main {
  return async function main(event: unknown, context?: unknown) {
    const requestId = runtime.requestId(context)
    // First, before identity and before anything that walks the value recursively: anonymous
    // callers can send this, so it is answered cheaply and logs nothing at error level.
    if (shapeProblem(event, EVENT_BUDGET)) return err('REQUEST.TOO_LARGE', '请求内容过大或层级过深', requestId)
    let ports: Ports | null = null
    try {
      ports = await runtime.ports()
      const identity: Identity | null = runtime.identity(event, context)

      const timer = TimerEvent.safeParse(event)
      if (timer.success) {
        if (identity || !runtime.acceptsTimerEvents) return err('AUTH.FORBIDDEN', '定时任务只能由平台触发', requestId)
        return await runJob(module, timer.data.TriggerName, ports)
      }

      // A 微信客服 push: only from the platform on behalf of its sender, to a function that takes them.
      const push = module.wechatMessages && WechatCsEvent.safeParse(event)
      if (push && push.success) {
        if (!isWechat(identity) || identity.openid !== push.data.FromUserName) return err('AUTH.FORBIDDEN', '客服消息只能由微信推送', requestId)
        await module.wechatMessages?.(ports, identity, push.data)
        return { ok: true, data: 'success', requestId }
      }

      const envelope = Envelope.safeParse(event)
      if (!envelope.success) return err('REQUEST.INVALID', '请求格式错误', requestId, zodFields(envelope.error))
      const { action, communityId } = envelope.data
      const bound = Object.prototype.hasOwnProperty.call(module.actions, action) ? module.actions[action] : undefined
      if (!bound) return err('REQUEST.UNKNOWN_ACTION', `未知操作：${action}`, requestId)
      const { contract } = bound

      // An absent input is an empty one; `null` is not, and the contract refuses it.
      const rawInput = envelope.data.input === undefined ? {} : envelope.data.input
      if (contract.access === 'anonymous') return await finish(bound, rawInput, { requestId, ports, identity, actor: null })
      if (!identity || identity.source === 'web') return err('AUTH.UNAUTHENTICATED', '请先登录', requestId)
      if (contract.access === 'public' && identity.source === 'console') return err('AUTH.FORBIDDEN', '请在微信小程序中操作', requestId)

      const roles = needsCommunity(contract.access) ? contract.access : null
      const scoped = roles ? (communityId ?? null) : null
      const actor = await loadCaller(ports.store, identity, scoped, ports.clock.now(), { grids: roles?.includes('butler') ?? false })
      // A console whose session ended must sign in again (the client forgets it); a WeChat user must register.
      if (!actor && identity.source === 'console') return err('AUTH.UNAUTHENTICATED', '登录已失效，请重新扫码登录', requestId)
      if (contract.access !== 'public' && !actor) return err('AUTH.NOT_REGISTERED', '请先登录', requestId)
      if (actor && roles) {
        if (!scoped) return err('AUTH.COMMUNITY_REQUIRED', '请先选择社区', requestId)
        if (!roleAllowed(actor, roles)) return err('AUTH.FORBIDDEN', '当前身份无权进行此操作', requestId)
      }

      return await finish(bound, rawInput, { requestId, ports, identity, actor })
    } catch (e) {
      const detail = e instanceof Error ? { message: e.message, stack: e.stack } : { value: String(e) }
      if (ports) ports.log.error('unexpected error', { requestId, fn: module.fn, ...detail })
      else console.error(JSON.stringify({ level: 'error', msg: 'unexpected error', requestId, ...detail }))
      return err('INTERNAL.ERROR', '服务暂时不可用，请稍后再试', requestId)
    }
  }
}

/** Checks the input, runs the handler and holds its answer to the contract. */
async function finish(bound: BoundAction, rawInput: unknown, ctx: ActionCtx): Promise<ApiResponse<unknown>> {
  const { contract } = bound
  const { requestId, ports } = ctx
  const input = bound.accept(rawInput)
  if (!input.ok) {
    const fields = zodFields(input.error, contract.input)
    return err('REQUEST.INVALID_INPUT', headline(fields), requestId, fields)
  }
  const result = await input.run(ctx)
  if (!result.ok) return err(result.code, result.message, requestId, result.fields)
  const output = contract.output.safeParse(result.value)
  if (!output.success) {
    ports.log.error('output does not match contract', { requestId, action: contract.id, issues: zodFields(output.error) })
    return err('INTERNAL.ERROR', '服务暂时不可用，请稍后再试', requestId)
  }
  return { ok: true, data: output.data, requestId }
}

export async function runJob(module: FunctionModule, name: string, ports: Ports): Promise<JobResponse> {
  const job = module.jobs.find((j) => j.name === name)
  if (!job) return { ok: false, job: name, error: 'unknown job' }
  const started = ports.clock.now()
  const report = await job.run(ports)
  ports.log.info('job finished', { job: name, ms: ports.clock.now() - started, ...report })
  return { ok: true, job: name, report }
}
