import { normalizePlate } from './plates'

/**
 * What a clerk typed, read as the probes worth running: a full phone, a masked one or its last
 * four digits, a room with or without its building, a name, a plate. One query may be several
 * (`1201` is a room and a phone's last four digits); each probe is one indexed read.
 */
export interface Probes {
  phone: string | null
  tail: { digits: string; head: string | null } | null
  room: { room: string; building: string | null } | null
  name: string | null
  plate: string | null
}

const PHONE = /^1[3-9]\d{9}$/
/** `138****8000`, `138xxxx8000`, also with a full-width asterisk. */
const MASKED = /^(1[3-9]\d)[*＊xX]{4}(\d{4})$/
const PLATE = /^[\u4e00-\u9fa5][A-Z][A-Z0-9]{5,6}$/
/** `3栋1201`, `3-1201`, `3#1201`, `3号楼 1201`, `A座1201`: a building, then the room's digits. */
const BUILDING_ROOM = /^(.+?)(?:栋|幢|号楼|座|#|-|\s)+([A-Za-z]?-?\d{2,5})$/
const NAME = /^[\u4e00-\u9fa5·]{2,6}$/

export function probesOf(raw: string): Probes {
  const q = raw.trim().replace(/\s+/g, ' ')
  const compact = q.replace(/\s/g, '')
  const masked = MASKED.exec(compact)
  const plate = normalizePlate(compact)
  const br = BUILDING_ROOM.exec(q)
  return {
    phone: PHONE.test(compact) ? compact : null,
    tail: masked ? { head: masked[1]!, digits: masked[2]! } : /^\d{4}$/.test(compact) ? { head: null, digits: compact } : null,
    room: br ? { building: br[1]!.trim(), room: br[2]!.toUpperCase() } : /^[A-Za-z]?-?\d{2,5}$/.test(compact) ? { building: null, room: compact.toUpperCase() } : null,
    name: NAME.test(compact) ? compact : null,
    plate: PLATE.test(plate) ? plate : null
  }
}

/** `3` matches the building `3栋`, `A` matches `A座`, `3号楼` matches `3栋`: the building's own digits or letters. */
export function buildingMatches(typed: string, buildingName: string): boolean {
  const key = (s: string) => s.replace(/栋|幢|号楼|号|楼|座|#|\s/g, '').toUpperCase()
  return key(typed) === key(buildingName)
}
