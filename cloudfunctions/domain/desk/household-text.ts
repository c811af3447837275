import { shanghaiWall } from '../../contracts/shanghai'

const pad = (n: number) => String(n).padStart(2, '0')

/** `12月6日 09:30`: the year is left out, the row's date column says it. */
export function whenText(ms: number): string {
  const d = shanghaiWall(ms)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** `2026年12月6日` */
export function dayText(ms: number): string {
  const d = shanghaiWall(ms)
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}

/** A resident's own words cut to a line: the row opens nothing, so the start must carry the point. */
export function clip(text: string, max = 40): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()]
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('')
}

/** The parts of a detail line that apply, joined the way every row reads. */
export function joinDetail(...parts: (string | null | false | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join(' · ')
}
