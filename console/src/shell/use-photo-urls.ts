import { useEffect, useState } from 'react'
import { transport } from '../client/transport'

/**
 * What <img> shows for photo ids, resolved through the platform (signed links on CloudBase, the
 * local server's paths here). Ids without a link yet are absent from the map.
 */
export function usePhotoUrls(ids: readonly string[], width: number): ReadonlyMap<string, string> {
  const key = ids.join('|')
  const [urls, setUrls] = useState<ReadonlyMap<string, string>>(new Map())
  useEffect(() => {
    if (!key) return
    let live = true
    void transport.photoUrls(key.split('|'), width).then((m) => {
      if (live) setUrls(m)
    })
    return () => {
      live = false
    }
  }, [key, width])
  return urls
}
