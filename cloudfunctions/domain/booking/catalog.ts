import type { Ports } from '../../kernel/ports'
import type { ServiceLineDoc } from './docs'

/** A line residents of the community may book now; another community's or a withdrawn one is null. */
export async function lineIn(ports: Ports, communityId: string, lineId: string): Promise<ServiceLineDoc | null> {
  const line = await ports.store.get('serviceLines', lineId)
  return line && line.communityId === communityId && line.active ? line : null
}
