import * as z from 'zod'
import { SetupCode } from '../../contracts/office'

/** Read and checked once per instance; a missing setting fails every call with a logged reason. */
const CloudbaseEnv = z.object({
  LINLI_CODE_PEPPER: z.string().min(16, 'LINLI_CODE_PEPPER must be at least 16 characters'),
  /** The setup code (初始化码) that makes the first company administrator; only the office function reads it. */
  LINLI_SETUP_CODE: z.preprocess((v) => (v === '' ? undefined : v), SetupCode.optional()),
  LINLI_LOG_LEVEL: z.enum(['info', 'warn', 'error']).default('info')
})
export type CloudbaseEnvT = z.infer<typeof CloudbaseEnv>

let cached: CloudbaseEnvT | null = null
export function cloudbaseEnv(source: NodeJS.ProcessEnv = process.env): CloudbaseEnvT {
  if (cached) return cached
  const parsed = CloudbaseEnv.safeParse(source)
  if (!parsed.success) {
    throw new Error('invalid function environment: ' + parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))
  }
  cached = parsed.data
  return cached
}
