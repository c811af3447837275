/**
 * Every field a caller can send has a Chinese name, so a refused field is never shown by its
 * English path. Walks every action's input schema in the registry, through objects, arrays,
 * records and unions, and lists each field that has no label.
 */
import type * as z from 'zod'
import { elementOf, fieldMeta, fieldsOf, recordValueOf } from '../../cloudfunctions/contracts/field-meta'
import { allContracts } from '../../cloudfunctions/contracts/registry'

function unlabelled(schema: z.core.$ZodType, at: string, out: string[]): void {
  for (const [key, field] of fieldsOf(schema)) {
    const path = `${at}.${key}`
    if (!fieldMeta(field).label) out.push(path)
    inside(field, path, out)
  }
}

/** What a field holds: an object's fields, an array's or a record's items. */
function inside(field: z.core.$ZodType, path: string, out: string[]): void {
  unlabelled(field, path, out)
  const element = elementOf(field)
  if (element) inside(element, `${path}[]`, out)
  const value = recordValueOf(field)
  if (value) inside(value, `${path}{}`, out)
}

describe('contract input labels', () => {
  it('finds the fields it walks (the walk reaches nested objects, arrays and unions)', () => {
    const all: string[] = []
    const collect = (s: z.core.$ZodType, at: string): void => {
      for (const [k, f] of fieldsOf(s)) {
        all.push(`${at}.${k}`)
        collect(f, `${at}.${k}`)
        const e = elementOf(f)
        if (e) collect(e, `${at}.${k}[]`)
      }
    }
    for (const c of allContracts) collect(c.input, c.id)
    expect(all).toEqual(
      expect.arrayContaining([
        'event.create.event.startAt',
        'event.create.event.rewards.attendance.points',
        'booking.book.photos',
        'insights.saveRules.segments[].all[].value',
        'member.issueReward.reward.validDays'
      ])
    )
  })

  it.each(allContracts.map((c) => [c.id, c] as const))('%s: every input field has a label', (_id, c) => {
    const missing: string[] = []
    unlabelled(c.input, c.id, missing)
    expect(missing).toEqual([])
  })
})
