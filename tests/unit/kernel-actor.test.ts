import * as z from 'zod'
import { defineAction } from '../../cloudfunctions/contracts/define'
import type { Actor } from '../../cloudfunctions/kernel/actor'
import { type ActionCtx, defineModule } from '../../cloudfunctions/kernel/module'
import { ok } from '../../cloudfunctions/kernel/result'
import type { Ports } from '../../cloudfunctions/kernel/ports'

/**
 * A handler of an action that acts in a community receives the community as a plain string: the
 * kernel narrows the actor once, so no handler falls back to `communityId ?? ''`, which would run
 * a query for the empty community instead of refusing.
 */
const scoped = defineAction({ fn: 't', name: 'scoped', summary: 'test', access: ['operator'] as const, input: z.object({}).strict(), output: z.object({ community: z.string() }) })
const member = defineAction({ fn: 't', name: 'member', summary: 'test', access: 'member', input: z.object({}).strict(), output: z.object({ community: z.string().nullable() }) })

const mod = defineModule({
  fn: 't',
  contracts: { scoped, member },
  handlers: {
    // The type says string: assigning it to a string needs no fallback.
    scoped: ({ actor }) => {
      const community: string = actor.communityId
      return Promise.resolve(ok({ community }))
    },
    member: ({ actor }) => Promise.resolve(ok({ community: actor.communityId }))
  },
  jobs: [],
  memoryMB: 128,
  timeoutSec: 5
})

const actor = (communityId: string | null): Actor => ({
  identity: { source: 'dev', openid: 'o-1' },
  user: { _id: 'u-1', openid: 'o-1', nickname: '测试', avatarUrl: '', createdAt: 0, updatedAt: 0 },
  communityId,
  roles: communityId ? ['operator'] : [],
  householdIds: [],
  grids: []
})
const ctx = (communityId: string | null): ActionCtx => ({ requestId: 'r', ports: {} as Ports, identity: { source: 'dev', openid: 'o-1' }, actor: actor(communityId) })

async function call(name: 'scoped' | 'member', communityId: string | null) {
  const accepted = mod.actions[name]?.accept({})
  if (!accepted?.ok) throw new Error('input refused')
  return accepted.run(ctx(communityId))
}

describe('the actor a handler gets', () => {
  it('is narrowed to its community for an action that acts in one', async () => {
    expect(await call('scoped', 'c-linyuan')).toEqual({ ok: true, value: { community: 'c-linyuan' } })
  })

  it('refuses a community action reached without a community, before the handler runs', async () => {
    expect(await call('scoped', null)).toMatchObject({ ok: false, code: 'AUTH.COMMUNITY_REQUIRED' })
  })

  it('leaves a member action as it is: no community needed', async () => {
    expect(await call('member', null)).toEqual({ ok: true, value: { community: null } })
  })
})
