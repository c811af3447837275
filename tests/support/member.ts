/** Helpers shared by the membership tests. */
import type { JobReport } from '../../cloudfunctions/kernel/module'
import type { Result } from '../../cloudfunctions/kernel/result'
import type { Harness } from './harness'

/** The value of a domain result (the module API other features call in process); throws on a failure. */
export function val<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`)
  return r.value
}

/** Runs a `member` timer job through the function's main, as CloudBase's trigger would. */
export async function runMemberJob(h: Harness, name: 'member-sweep' | 'member-catch-up' | 'member-daily'): Promise<JobReport> {
  const res = (await h.raw('member', { Type: 'Timer', TriggerName: name }, null)) as { ok: boolean; report?: JobReport }
  if (!res.ok || !res.report) throw new Error(`job ${name} failed: ${JSON.stringify(res)}`)
  return res.report
}
