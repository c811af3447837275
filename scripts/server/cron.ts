import { shanghaiWall } from '../../cloudfunctions/contracts/shanghai'

/**
 * CloudBase timer triggers use a 7-field cron: second minute hour day-of-month month
 * day-of-week year, evaluated in Asia/Shanghai. The local scheduler matches the same strings.
 */
const RANGES: [number, number][] = [
  [0, 59],
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 6],
  [1970, 2199]
]

export type CronMatcher = (ms: number) => boolean

function parseField(src: string, [lo, hi]: [number, number]): Set<number> {
  const out = new Set<number>()
  for (const part of src.split(',')) {
    const [rangePart, stepPart] = part.split('/')
    const step = stepPart === undefined ? 1 : Number(stepPart)
    if (!Number.isInteger(step) || step < 1) throw new Error(`bad cron step: ${part}`)
    let from = lo
    let to = hi
    if (rangePart !== '*' && rangePart !== undefined) {
      const [a, b] = rangePart.split('-')
      from = Number(a)
      to = b === undefined ? (stepPart === undefined ? from : hi) : Number(b)
    }
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < lo || to > hi || from > to) {
      throw new Error(`bad cron field: ${part} (allowed ${lo}-${hi})`)
    }
    for (let v = from; v <= to; v += step) out.add(v)
  }
  return out
}

export function parseCron(expr: string): CronMatcher {
  const fields = expr.trim().split(/\s+/)
  if (fields.length !== 7) throw new Error(`cron needs 7 fields (s m h dom mon dow year): ${expr}`)
  const sets = fields.map((f, i) => parseField(f, RANGES[i]!))
  return (ms: number) => {
    const d = shanghaiWall(ms)
    const values = [
      d.getUTCSeconds(),
      d.getUTCMinutes(),
      d.getUTCHours(),
      d.getUTCDate(),
      d.getUTCMonth() + 1,
      d.getUTCDay(),
      d.getUTCFullYear()
    ]
    return values.every((v, i) => sets[i]!.has(v))
  }
}
