import { createHash } from 'node:crypto'
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/sqlite-store'
import type { ApiResponse } from '../../cloudfunctions/contracts/errors'
import type { ActionId, InputOf, OutputOf } from '../../cloudfunctions/contracts/registry'
import type { Identity } from '../../cloudfunctions/kernel/identity'
import type { Main } from '../../cloudfunctions/kernel/main'
import type { Clock, Logger, Ports, Random } from '../../cloudfunctions/kernel/ports'
import type { Store } from '../../cloudfunctions/kernel/store'
import { DEMO_T0, seedDemo } from '../../scripts/seed/demo'
import { type LocalContext, localMains, localPorts } from '../../scripts/server/local-runtime'

export const TEST_PEPPER = 'test-pepper-0123456789'

export class FakeClock implements Clock {
  constructor(public t = DEMO_T0 + 24 * 3600_000) {}
  now() {
    return this.t
  }
  advance(ms: number) {
    this.t += ms
  }
}

/** Deterministic ids and codes: a counter hashed, so runs are repeatable. */
export class SeqRandom implements Random {
  private n = 0
  id(bytes = 12) {
    return createHash('sha256').update(`id-${this.n++}`).digest('base64url').slice(0, Math.ceil((bytes * 4) / 3))
  }
  code(length: number, alphabet: string) {
    const h = createHash('sha256').update(`code-${this.n++}`).digest()
    let s = ''
    for (let i = 0; i < length; i++) s += alphabet[h[i % h.length]! % alphabet.length]
    return s
  }
}

export interface LogLine {
  level: string
  msg: string
  fields?: Record<string, unknown>
}

export interface Harness {
  store: SqliteStore
  clock: FakeClock
  ports: Ports
  logs: LogLine[]
  mains: Record<string, Main>
  /** Calls `fn.action` as the user with that openid, as another identity (a console), or anonymously with `null`. */
  call<A extends ActionId>(
    id: A,
    input: InputOf<A>,
    as: string | Identity | null,
    communityId?: string
  ): Promise<ApiResponse<OutputOf<A>>>
  /** Sends a raw event, for malformed-envelope tests. */
  raw(fn: string, event: unknown, as: string | Identity | null): Promise<unknown>
  close(): Promise<void>
}

/** Signs the console tickets the harness issues (as the local server's secret does). */
export const TEST_SESSION_SECRET = 'test-session-secret-0123456789'

export interface HarnessOptions {
  seed?: boolean
  setupCode?: string
  /** The store the functions see, around the harness's own (which `store` keeps for direct reads). */
  wrapStore?: (store: Store) => Store
}

export async function makeHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const store = new SqliteStore(':memory:')
  const clock = new FakeClock()
  if (opts.seed !== false) await seedDemo(store, TEST_PEPPER, clock.now())
  const logs: LogLine[] = []
  const log: Logger = {
    info: (msg, fields) => logs.push({ level: 'info', msg, fields }),
    warn: (msg, fields) => logs.push({ level: 'warn', msg, fields }),
    error: (msg, fields) => logs.push({ level: 'error', msg, fields })
  }
  const ports = localPorts({ store: opts.wrapStore ? opts.wrapStore(store) : store, codePepper: TEST_PEPPER, setupCode: opts.setupCode, devSessionSecret: TEST_SESSION_SECRET, clock, random: new SeqRandom(), log })
  // In process, functions behave as deployed: timer events without a user run their job.
  const mains = localMains(ports, { acceptsTimerEvents: true })
  let n = 0
  const context = (as: string | Identity | null): LocalContext => ({
    request_id: `req-${++n}`,
    identity: typeof as === 'string' ? { openid: as, source: 'dev' } : as
  })
  const raw = async (fn: string, event: unknown, as: string | Identity | null) => {
    const main = mains[fn]
    if (!main) throw new Error(`no function ${fn}`)
    return main(event, context(as))
  }
  return {
    store,
    clock,
    ports,
    logs,
    mains,
    raw,
    async call(id, input, as, communityId) {
      const [fn, action] = id.split('.') as [string, string]
      const event = { action, input, ...(communityId ? { communityId } : {}) }
      return (await raw(fn, event, as)) as ApiResponse<never>
    },
    close: () => store.close()
  }
}

/** Openids of seeded users are `dev-<userId>`. */
export const as = (userId: string) => `dev-${userId}`
