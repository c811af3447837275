import { runJob } from '../../cloudfunctions/kernel/main'
import type { FunctionModule } from '../../cloudfunctions/kernel/module'
import type { Ports } from '../../cloudfunctions/kernel/ports'
import { parseCron } from './cron'

/**
 * Runs the same timer handlers cloudbaserc.json declares, on the same cron strings, once per
 * matching second; a job still running when it is due again is skipped, not stacked.
 */
export function startScheduler(modules: readonly FunctionModule[], ports: Ports): () => void {
  const jobs = modules.flatMap((m) => m.jobs.map((j) => ({ module: m, job: j, due: parseCron(j.cron), running: false })))
  let lastSecond = Math.floor(Date.now() / 1000)
  const timer = setInterval(() => {
    const second = Math.floor(Date.now() / 1000)
    for (let s = lastSecond + 1; s <= second; s++) {
      for (const entry of jobs) {
        if (entry.running || !entry.due(s * 1000)) continue
        entry.running = true
        runJob(entry.module, entry.job.name, ports)
          .catch((e: unknown) => ports.log.error('job failed', { job: entry.job.name, error: String(e) }))
          .finally(() => {
            entry.running = false
          })
      }
    }
    lastSecond = second
  }, 250)
  timer.unref()
  return () => clearInterval(timer)
}
