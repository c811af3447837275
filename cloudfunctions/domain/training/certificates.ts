import { findAll } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'

/** Certificates held per butler in a community: one paged query of the community's certificates, never one per butler. */
export async function certificatesByButler(ports: Ports, communityId: string): Promise<Map<string, number>> {
  const held = await findAll(ports.store, 'trainingCertificates', { communityId })
  const out = new Map<string, number>()
  for (const c of held) out.set(c.userId, (out.get(c.userId) ?? 0) + 1)
  return out
}
