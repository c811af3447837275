import { type ReactNode, createContext, useContext, useMemo, useState } from 'react'
import type { Me } from '@contracts/user'
import type { Role } from '@contracts/roles'
import { rememberCommunity, storedCommunity } from '../client/session'
import { setActingCommunity } from '../client/api'

export interface StaffCommunity {
  id: string
  name: string
  roles: Role[]
}

export interface ConsoleState {
  me: Me
  communities: StaffCommunity[]
  community: StaffCommunity
  choose(id: string): void
  /** Reads who the person is again (a community made or a role gained), then works in `id` if given. */
  refresh(id?: string): Promise<void>
}

const Ctx = createContext<ConsoleState | null>(null)

/** The communities where the person holds a work role: the console works in one at a time. */
export function staffCommunities(me: Me): StaffCommunity[] {
  const byId = new Map<string, StaffCommunity>()
  for (const c of me.contexts) {
    if (c.role === 'resident') continue
    const entry = byId.get(c.communityId) ?? { id: c.communityId, name: c.communityName, roles: [] }
    if (!entry.roles.includes(c.role)) entry.roles.push(c.role)
    byId.set(c.communityId, entry)
  }
  return [...byId.values()]
}

export function ConsoleProvider({ me, communities, reload, children }: { me: Me; communities: StaffCommunity[]; reload: () => Promise<void>; children: (state: ConsoleState) => ReactNode }) {
  const first = communities[0]
  if (!first) throw new Error('ConsoleProvider needs at least one community')
  const [chosen, setChosen] = useState(() => communities.find((c) => c.id === storedCommunity())?.id ?? first.id)
  const community = communities.find((c) => c.id === chosen) ?? first
  // Set while rendering, not in an effect: the pages below load in their own effects, which run
  // before this component's, and their first calls must already act in this community.
  setActingCommunity(community.id)
  const state = useMemo<ConsoleState>(
    () => ({
      me,
      communities,
      community,
      choose(id) {
        rememberCommunity(id)
        setActingCommunity(id)
        setChosen(id)
      },
      async refresh(id) {
        if (id) {
          rememberCommunity(id)
          setChosen(id)
        }
        await reload()
      }
    }),
    [me, communities, community, reload]
  )
  return <Ctx.Provider value={state}>{children(state)}</Ctx.Provider>
}

export function useConsole(): ConsoleState {
  const s = useContext(Ctx)
  if (!s) throw new Error('useConsole outside ConsoleProvider')
  return s
}
