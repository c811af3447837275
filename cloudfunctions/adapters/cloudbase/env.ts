import * as z from 'zod'
import { SetupCode } from '../../contracts/office'
import type { TencentSmsConfig } from './tencent-sms'

/** Read and checked once per instance; a missing setting fails every call with a logged reason. */
const CloudbaseEnv = z.object({
  LINLI_CODE_PEPPER: z.string().min(16, 'LINLI_CODE_PEPPER must be at least 16 characters'),
  /** The setup code (初始化码) that makes the first company administrator; only the office function reads it. */
  LINLI_SETUP_CODE: z.preprocess((v) => (v === '' ? undefined : v), SetupCode.optional()),
  LINLI_LOG_LEVEL: z.enum(['info', 'warn', 'error']).default('info'),
  /**
   * Tencent Cloud SMS (optional): all six set, or none. Without them every text is recorded as not
   * configured; each community also switches SMS on for itself in the console.
   */
  LINLI_SMS_SECRET_ID: z.string().optional(),
  LINLI_SMS_SECRET_KEY: z.string().optional(),
  LINLI_SMS_APP_ID: z.string().optional(),
  LINLI_SMS_SIGN: z.string().optional(),
  LINLI_SMS_TEMPLATE_ARREARS: z.string().optional(),
  LINLI_SMS_TEMPLATE_NOTICE: z.string().optional()
}).superRefine((e, ctx) => {
  const sms = [e.LINLI_SMS_SECRET_ID, e.LINLI_SMS_SECRET_KEY, e.LINLI_SMS_APP_ID, e.LINLI_SMS_SIGN, e.LINLI_SMS_TEMPLATE_ARREARS, e.LINLI_SMS_TEMPLATE_NOTICE]
  const set = sms.filter(Boolean).length
  if (set > 0 && set < sms.length) ctx.addIssue({ code: 'custom', path: ['LINLI_SMS_SECRET_ID'], message: 'LINLI_SMS_* must be all set or none' })
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

/** The SMS account, when one is configured. */
export function smsConfig(env: CloudbaseEnvT): TencentSmsConfig | null {
  if (!env.LINLI_SMS_SECRET_ID || !env.LINLI_SMS_SECRET_KEY || !env.LINLI_SMS_APP_ID || !env.LINLI_SMS_SIGN || !env.LINLI_SMS_TEMPLATE_ARREARS || !env.LINLI_SMS_TEMPLATE_NOTICE) return null
  return {
    secretId: env.LINLI_SMS_SECRET_ID,
    secretKey: env.LINLI_SMS_SECRET_KEY,
    appId: env.LINLI_SMS_APP_ID,
    sign: env.LINLI_SMS_SIGN,
    templates: { arrears: env.LINLI_SMS_TEMPLATE_ARREARS, notice: env.LINLI_SMS_TEMPLATE_NOTICE }
  }
}
