import * as z from 'zod'
import { type ActionContract, needsCommunity } from '../contracts/define'
import type { Actor, CommunityActor } from './actor'
import type { Role } from '../contracts/roles'
import { type CallerIdentity, type Identity, type WechatIdentity, callerIdentity, isWechat } from './identity'
import type { Ports } from './ports'
import type { WechatCsMessage } from './wechat-message'
import { type Result, fail } from './result'

export interface ActionCtx {
  requestId: string
  ports: Ports
  /** Null only for `anonymous` actions. */
  identity: Identity | null
  /** Null for `anonymous` actions, and for `public` ones called by someone not yet registered. */
  actor: Actor | null
}

export interface MemberCtx extends ActionCtx {
  identity: CallerIdentity
  actor: Actor
}

/**
 * Who a handler is called for: anybody (anonymous), a WeChat user maybe unregistered (public), a
 * registered user (member), or a user acting in the community the runtime chose (a role list).
 */
export type ActorOf<C extends ActionContract> = C['access'] extends 'anonymous'
  ? null
  : C['access'] extends 'public'
    ? Actor | null
    : C['access'] extends 'member'
      ? Actor
      : CommunityActor
export type IdentityOf<C extends ActionContract> = C['access'] extends 'anonymous' ? Identity | null : C['access'] extends 'public' ? WechatIdentity : CallerIdentity

/** A handler's context when its action needs a registered caller: the actor as the action's access gives it. */
export type UserCtx<C extends ActionContract> = Omit<MemberCtx, 'actor'> & { actor: NonNullable<ActorOf<C>> }

export type ActionHandler<C extends ActionContract> = (
  ctx: Omit<ActionCtx, 'actor' | 'identity'> & { actor: ActorOf<C>; identity: IdentityOf<C> },
  input: z.output<C['input']>
) => Promise<Result<z.input<C['output']>>>

export type Handlers<Cs extends Record<string, ActionContract>> = { [K in keyof Cs]: ActionHandler<Cs[K]> }

export interface JobReport {
  [metric: string]: number | string
}

export interface JobSpec {
  /** Timer trigger name, unique across functions; `npm run job -- <name>` runs it. */
  name: string
  /** CloudBase 7-field cron (second minute hour day month weekday year), Asia/Shanghai. */
  cron: string
  summary: string
  run(ports: Ports): Promise<JobReport>
}

/** A function as written: each action's contract and its handler, typed together. */
export interface ModuleSpec<Cs extends Record<string, ActionContract>> {
  fn: string
  contracts: Cs
  handlers: Handlers<Cs>
  jobs: readonly JobSpec[]
  /** Deployment settings written to cloudbaserc.json. */
  memoryMB: number
  timeoutSec: number
  /** Takes or refunds payments: deployed with the WeChat Pay merchant settings. */
  usesPayment?: boolean
  /** Issues the web console's sign-in tickets: deployed with the custom-login private key. */
  signsInConsoles?: boolean
  /** Receives 微信客服 messages pushed by WeChat (消息推送 to this function). */
  wechatMessages?: (ports: Ports, identity: WechatIdentity, message: WechatCsMessage) => Promise<void>
}

/** One action as the runtime calls it: the input checked by the action's own contract, then its handler. */
export interface BoundAction {
  contract: ActionContract
  accept(raw: unknown): { ok: true; run(ctx: ActionCtx): Promise<Result<unknown>> } | { ok: false; error: z.ZodError }
}

/** A function as the runtime, the local server and the bundler read it: every action bound to its handler. */
export interface FunctionModule extends Omit<ModuleSpec<Record<string, ActionContract>>, 'handlers'> {
  actions: Readonly<Record<string, BoundAction>>
}

type PublicContract = ActionContract<string, string, z.ZodType, z.ZodType, 'public'>
type AnonymousContract = ActionContract<string, string, z.ZodType, z.ZodType, 'anonymous'>
type MemberContract = ActionContract<string, string, z.ZodType, z.ZodType, 'member'>
type CommunityContract = ActionContract<string, string, z.ZodType, z.ZodType, readonly Role[]>
interface Pair<C extends ActionContract> {
  contract: C
  handler: ActionHandler<C>
}

/** A public action's handler takes a caller with no user record; every other one needs a user. */
function isPublic<C extends ActionContract>(p: Pair<C>): p is Pair<C> & Pair<PublicContract> {
  return p.contract.access === 'public'
}

function isAnonymous<C extends ActionContract>(p: Pair<C>): p is Pair<C> & Pair<AnonymousContract> {
  return p.contract.access === 'anonymous'
}

function isForMembers<C extends ActionContract>(p: Pair<C>): p is Pair<C> & Pair<MemberContract> {
  return p.contract.access === 'member'
}

function isForCommunity<C extends ActionContract>(p: Pair<C>): p is Pair<C> & Pair<CommunityContract> {
  return needsCommunity(p.contract.access)
}

function run<C extends ActionContract>(p: Pair<C>, ctx: ActionCtx, input: z.output<C['input']>): Promise<Result<unknown>> {
  if (isAnonymous(p)) return p.handler({ ...ctx, actor: null }, input)
  // The runtime refuses these callers before the handler; the checks keep that true here too.
  const { identity } = ctx
  if (isPublic(p)) {
    if (!isWechat(identity)) return Promise.resolve(fail('AUTH.FORBIDDEN', '请在微信小程序中操作'))
    return p.handler({ ...ctx, identity }, input)
  }
  const caller = callerIdentity(identity)
  const { actor } = ctx
  if (!actor || !caller) return Promise.resolve(fail('AUTH.NOT_REGISTERED', '请先登录'))
  if (isForMembers(p)) return p.handler({ ...ctx, identity: caller, actor }, input)
  const { communityId } = actor
  if (!isForCommunity(p) || communityId === null) return Promise.resolve(fail('AUTH.COMMUNITY_REQUIRED', '请先选择社区'))
  return p.handler({ ...ctx, identity: caller, actor: { ...actor, communityId } }, input)
}

function bind<C extends ActionContract>(contract: C, handler: ActionHandler<C>): BoundAction {
  const pair: Pair<C> = { contract, handler }
  return {
    contract,
    accept(raw) {
      // Annotated, so the parse keeps this action's input type rather than the constraint's.
      const schema: C['input'] = contract.input
      const parsed = z.safeParse(schema, raw)
      if (!parsed.success) return { ok: false, error: parsed.error }
      const input = parsed.data
      return { ok: true, run: (ctx) => run(pair, ctx, input) }
    }
  }
}

export function defineModule<Cs extends Record<string, ActionContract>>(spec: ModuleSpec<Cs>): FunctionModule {
  const { handlers, ...rest } = spec
  const actions: Record<string, BoundAction> = {}
  for (const name in spec.contracts) actions[name] = bind(spec.contracts[name], handlers[name])
  return { ...rest, actions }
}
