import { randomBytes, randomInt } from 'node:crypto'
import type { Clock, Logger, Random } from '../kernel/ports'

export const systemClock: Clock = { now: () => Date.now() }

export const cryptoRandom: Random = {
  id(bytes = 12) {
    return randomBytes(bytes).toString('base64url')
  },
  code(length, alphabet) {
    let s = ''
    for (let i = 0; i < length; i++) s += alphabet[randomInt(alphabet.length)]
    return s
  }
}

/** One JSON line per event: CloudBase's log console indexes these fields. */
export function jsonLogger(base: Record<string, unknown> = {}, sink: (line: string) => void = console.log): Logger {
  const write = (level: string, msg: string, fields?: Record<string, unknown>) =>
    sink(JSON.stringify({ level, msg, time: new Date().toISOString(), ...base, ...fields }))
  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f)
  }
}
