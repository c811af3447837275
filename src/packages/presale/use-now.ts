import { useEffect, useState } from 'react'

/** A clock that ticks every second while the page is mounted (countdowns). */
export function useNow(): number {
  const [now, setNow] = useState(Date.now())
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(t)
  }, [])
  return now
}
