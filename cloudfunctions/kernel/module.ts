import type { z } from 'zod'
import type { ActionContract } from '../contracts/define'
import type { Actor } from './actor'
import type { Identity } from './identity'
import type { Ports } from './ports'
import type { Result } from './result'

export interface ActionCtx {
  requestId: string
  ports: Ports
  identity: Identity
  /** Null only for `public` actions called by someone not yet registered. */
  actor: Actor | null
}

export interface MemberCtx extends ActionCtx {
  actor: Actor
}

export type ActionHandler<C extends ActionContract> = (
  ctx: C['access'] extends 'public' ? ActionCtx : MemberCtx,
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

export interface FunctionModule<Cs extends Record<string, ActionContract> = Record<string, ActionContract>> {
  fn: string
  contracts: Cs
  handlers: Handlers<Cs>
  jobs: readonly JobSpec[]
  /** Deployment settings written to cloudbaserc.json. */
  memoryMB: number
  timeoutSec: number
  /** Takes or refunds payments: deployed with the WeChat Pay merchant settings. */
  usesPayment?: boolean
}

export function defineModule<Cs extends Record<string, ActionContract>>(m: FunctionModule<Cs>): FunctionModule<Cs> {
  return m
}
