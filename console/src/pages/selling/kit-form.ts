import type { InputOf } from '@contracts/registry'
import type { AdminKitT } from '@contracts/selling-kit'
import type { KitKind, ScriptChannel } from '@contracts/selling-labels'
import type { TargetViewT } from '@contracts/selling-targets'

/** A script as its editor holds it; `key` keeps a block in place while others are added or removed. */
export interface ScriptForm {
  key: string
  id?: string
  channel: ScriptChannel
  title: string
  text: string
}

export interface KitForm {
  scripts: ScriptForm[]
  /** One key fact a line. */
  notes: string
}

export interface TargetsForm {
  shares: number
  visits: number
  orders: number
}

let made = 0
const newKey = () => `s${++made}`

export const blankScript = (channel: ScriptChannel): ScriptForm => ({ key: newKey(), channel, title: '', text: '' })

export function kitFormOf(kit: AdminKitT | null): KitForm {
  if (!kit) return { scripts: [blankScript('group'), blankScript('door')], notes: '' }
  return { scripts: kit.scripts.map((s) => ({ key: newKey(), id: s.id, channel: s.channel, title: s.title, text: s.text })), notes: kit.notes.join('\n') }
}

export function kitInputOf(kind: KitKind, refId: string, f: KitForm, clientRequestId: string): InputOf<'selling.saveKit'> {
  return {
    kind,
    refId,
    clientRequestId,
    scripts: f.scripts.map((s) => ({ ...(s.id ? { id: s.id } : {}), channel: s.channel, title: s.title, text: s.text })),
    notes: f.notes
      .split('\n')
      .map((n) => n.trim())
      .filter(Boolean)
  }
}

export function targetsFormOf(t: TargetViewT | null): TargetsForm {
  return t ? { shares: t.shares, visits: t.visits, orders: t.orders } : { shares: 0, visits: 0, orders: 0 }
}
