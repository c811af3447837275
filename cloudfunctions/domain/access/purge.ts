import type { CollectionName } from '../../kernel/collections'
import type { Ports } from '../../kernel/ports'

/** Entry records are personal data: kept half a year for security questions, then deleted. */
export const ACCESS_LOG_RETENTION_MS = 180 * 24 * 3600_000
/** One run removes at most this many rows per collection; the next run continues. */
const MAX_PER_RUN = 20_000

async function purge(ports: Ports, collection: CollectionName, field: string, before: number): Promise<number> {
  let removed = 0
  while (removed < MAX_PER_RUN) {
    const due = await ports.store.find(collection, { where: { [field]: { lt: before } }, limit: 1000 })
    for (const d of due) if (await ports.store.remove(collection, d._id)) removed++
    if (due.length < 1000) break
  }
  return removed
}

/**
 * Timer job: single-use and nonce records are only needed until the code or request they guard
 * would be refused as expired anyway; old log rows go after the retention period.
 */
export async function purgeAccessRecords(ports: Ports): Promise<{ usedCodes: number; gateNonces: number; accessLog: number }> {
  const now = ports.clock.now()
  return {
    usedCodes: await purge(ports, 'usedCodes', 'expiresAt', now),
    gateNonces: await purge(ports, 'gateNonces', 'expiresAt', now),
    accessLog: await purge(ports, 'accessLog', 'at', now - ACCESS_LOG_RETENTION_MS)
  }
}
