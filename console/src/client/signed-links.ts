/**
 * Links for photo ids where storage hands out signed links (CloudBase): each thumbnail asks on its
 * own, so the asks made together (one render) go out as one call of at most `batch` ids; an id
 * already asked for is not asked again, and a link is reused until `reuseMs` after it came.
 * A failed call leaves its photos without a link (shown as missing) and asks again next time.
 */
export function signedLinks(sign: (ids: string[]) => Promise<ReadonlyMap<string, string>>, opts: { batch: number; reuseMs: number; now?: () => number }) {
  const now = opts.now ?? Date.now
  const cache = new Map<string, { url: string; until: number }>()
  const waiting = new Map<string, Promise<string | null>>()
  let queue: { id: string; resolve: (url: string | null) => void }[] = []

  const settle = async (chunk: typeof queue) => {
    let links: ReadonlyMap<string, string> = new Map()
    try {
      links = await sign(chunk.map((c) => c.id))
    } catch {
      // No links this time: the photos show as missing and are asked for again on the next look.
    }
    const until = now() + opts.reuseMs
    for (const { id, resolve } of chunk) {
      const url = links.get(id) ?? null
      if (url) cache.set(id, { url, until })
      waiting.delete(id)
      resolve(url)
    }
  }
  const flush = () => {
    const taken = queue
    queue = []
    for (let i = 0; i < taken.length; i += opts.batch) void settle(taken.slice(i, i + opts.batch))
  }
  const linkFor = (id: string): Promise<string | null> => {
    const hit = cache.get(id)
    if (hit && hit.until > now()) return Promise.resolve(hit.url)
    const pending = waiting.get(id)
    if (pending) return pending
    const asked = new Promise<string | null>((resolve) => {
      queue.push({ id, resolve })
      if (queue.length === 1) queueMicrotask(flush)
    })
    waiting.set(id, asked)
    return asked
  }

  return async (ids: readonly string[]): Promise<Map<string, string>> => {
    const urls = await Promise.all(ids.map(linkFor))
    return new Map(ids.flatMap((id, i) => {
      const url = urls[i]
      return url ? [[id, url] as const] : []
    }))
  }
}
