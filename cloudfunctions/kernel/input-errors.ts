import type * as z from 'zod'
import type { FieldError } from '../contracts/errors'
import { childOf, elementOf, fieldMeta } from '../contracts/field-meta'

/** What a refusal of the whole input (not an object, say) is named after. */
const WHOLE_INPUT = '提交的内容'

interface Step {
  name: string | null
  /** Names the fields below it: an array item, or an object marked `qualify`. */
  qualifies: boolean
}

/**
 * The name of the field at `path`, from the labels on the contract's input schema: 标题,
 * 第 2 张照片, 第 1 条分群规则的第 3 个条件的数值. An array item is named after its array; the items
 * and qualifying objects above the field are put in front. Null where nothing on the way has a label.
 */
export function labelAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string | null {
  if (path.length === 0) return WHOLE_INPUT
  const steps: Step[] = []
  let cur: z.core.$ZodType = schema
  for (const key of path) {
    const next = childOf(cur, key)
    if (!next) break
    if (typeof key === 'number' && elementOf(cur)) {
      const list = fieldMeta(cur)
      const noun = list.label ?? fieldMeta(next).label
      const nth = key + 1
      steps.push({ name: noun ? (list.measure ? `第 ${nth} ${list.measure}${noun}` : `${noun}第 ${nth} 项`) : null, qualifies: true })
    } else {
      const meta = fieldMeta(next)
      steps.push({ name: meta.label ?? null, qualifies: meta.qualify === true })
    }
    cur = next
  }
  // The deepest named step names the field (a record's values and unknown depths fall back to their holder).
  let at = steps.length - 1
  while (at >= 0 && !steps[at]?.name) at--
  const field = steps[at]?.name
  if (!field) return null
  const above = steps.slice(0, at).flatMap((s) => (s.qualifies && s.name ? [s.name] : []))
  return [...above, field].join('的')
}

/**
 * One entry per refused field: the dotted path forms key their messages by, the field's label
 * when the schema is known, and the issue's message (the contract's own, or zod's locale from
 * `contracts/issue-text.ts`). Unknown keys are named by the key itself: only a developer sends them.
 */
export function zodFields(e: z.ZodError, schema?: z.core.$ZodType): FieldError[] {
  return e.issues.flatMap((i): FieldError[] => {
    const at = i.path.map(String).join('.')
    if (i.code === 'unrecognized_keys') {
      return i.keys.map((k) => ({ path: at ? `${at}.${k}` : k, label: k, message: '不支持的字段' }))
    }
    const label = schema ? labelAt(schema, i.path) : null
    return [label ? { path: at || '(input)', label, message: i.message } : { path: at || '(input)', message: i.message }]
  })
}

/** The one line a toast shows: the first field's label and message, the label left out when the message already names it. */
export function headline(fields: readonly FieldError[]): string {
  const first = fields[0]
  if (!first) return '输入有误'
  if (!first.label || first.message.includes(first.label)) return first.message
  return `${first.label}：${first.message}`
}
