import * as z from 'zod'

/**
 * What a person calls an input field, attached where the field is declared with
 * `.meta({ label: '开始时间' })`. The kernel names a refused field by it, so nobody reads a
 * dotted English path; forms keep using the path.
 */
export interface FieldMeta {
  /** The field's name as the form shows it, e.g. 开始时间. */
  label?: string
  /** Arrays: the measure word of one item (张, 个, 条), so the second photo reads 第 2 张照片. */
  measure?: string
  /** Whole fen: bounds read as money (¥10,000.00) rather than as a bare count. */
  money?: boolean
  /** An object whose children are named after it (签到奖励的积分), where the child's own name is shared. */
  qualify?: boolean
}

declare module 'zod' {
  interface GlobalMeta {
    label?: string
    measure?: string
    money?: boolean
    qualify?: boolean
  }
}

type Schema = z.core.$ZodType

/** The schema a wrapper (optional, default, pipe…) stands in front of, or null for anything else. */
function innerOf(s: Schema): Schema | null {
  if (
    s instanceof z.core.$ZodOptional ||
    s instanceof z.core.$ZodNullable ||
    s instanceof z.core.$ZodDefault ||
    s instanceof z.core.$ZodPrefault ||
    s instanceof z.core.$ZodCatch ||
    s instanceof z.core.$ZodReadonly ||
    s instanceof z.core.$ZodNonOptional
  ) {
    return s._zod.def.innerType
  }
  // A transform-first pipe (preprocess) takes its shape from what it feeds; any other from its input.
  if (s instanceof z.core.$ZodPipe) return s._zod.def.in instanceof z.core.$ZodTransform ? s._zod.def.out : s._zod.def.in
  if (s instanceof z.core.$ZodLazy) return s._zod.def.getter()
  return null
}

/** The schema and every schema it wraps, outermost first. */
function layers(s: Schema): Schema[] {
  const out: Schema[] = []
  for (let cur: Schema | null = s; cur && out.length < 16; cur = innerOf(cur)) out.push(cur)
  return out
}

/**
 * The field's meta, merged through its wrappers: the outermost setting wins, so a field can
 * rename a shared schema (`Id.meta({ label: '活动' })`) and `.optional()` keeps the name.
 */
export function fieldMeta(s: Schema): FieldMeta {
  const merged: FieldMeta = {}
  for (const layer of layers(s).reverse()) {
    const m = z.globalRegistry.get(layer)
    if (!m) continue
    if (m.label !== undefined) merged.label = m.label
    if (m.measure !== undefined) merged.measure = m.measure
    if (m.money !== undefined) merged.money = m.money
    if (m.qualify !== undefined) merged.qualify = m.qualify
  }
  return merged
}

/** The innermost schema: the object, array, union, record or value a field holds. */
export function coreOf(s: Schema): Schema {
  const all = layers(s)
  return all[all.length - 1] ?? s
}

/** One step down a path: the schema that holds `key` inside `s`, or null where `s` has no such part. */
export function childOf(s: Schema, key: PropertyKey): Schema | null {
  const c = coreOf(s)
  if (c instanceof z.core.$ZodObject) {
    return typeof key === 'string' && Object.prototype.hasOwnProperty.call(c._zod.def.shape, key) ? (c._zod.def.shape[key] ?? null) : null
  }
  if (c instanceof z.core.$ZodArray) return typeof key === 'number' ? c._zod.def.element : null
  if (c instanceof z.core.$ZodRecord) return c._zod.def.valueType
  if (c instanceof z.core.$ZodUnion) {
    // Options share their field names (a discriminated union's `type`), so the first that has it names it.
    for (const o of c._zod.def.options) {
      const hit = childOf(o, key)
      if (hit) return hit
    }
  }
  return null
}

/** The named parts of an object schema (every option's, for a union), for walking a whole contract. */
export function fieldsOf(s: Schema): [string, Schema][] {
  const c = coreOf(s)
  if (c instanceof z.core.$ZodObject) return Object.entries(c._zod.def.shape)
  if (c instanceof z.core.$ZodUnion) return c._zod.def.options.flatMap((o) => fieldsOf(o))
  return []
}

/** What an array holds, or null when `s` is not an array. */
export function elementOf(s: Schema): Schema | null {
  const c = coreOf(s)
  return c instanceof z.core.$ZodArray ? c._zod.def.element : null
}

/** What a record holds under each key, or null when `s` is not a record. */
export function recordValueOf(s: Schema): Schema | null {
  const c = coreOf(s)
  return c instanceof z.core.$ZodRecord ? c._zod.def.valueType : null
}
