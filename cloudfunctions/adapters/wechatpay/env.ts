import * as z from 'zod'

const Pem = (kind: string) =>
  z
    .string()
    // Console-entered multi-line secrets often arrive with literal "\n".
    .transform((s) => s.replace(/\\n/g, '\n').trim())
    .refine((s) => s.includes(`-----BEGIN ${kind}`), `must be a PEM ${kind}`)

/**
 * Merchant settings for WeChat Pay API v3, read from the function's environment and checked once
 * at start. Either verification mode (platform certificates, WeChat Pay public key) or both.
 */
const MerchantEnv = z
  .object({
    WECHATPAY_APPID: z.string().regex(/^wx[0-9a-f]{16}$/, 'mini-program appid (wx + 16 hex)'),
    WECHATPAY_MCHID: z.string().regex(/^\d{8,12}$/, 'merchant id: digits'),
    WECHATPAY_SERIAL: z.string().regex(/^[0-9A-Fa-f]{8,64}$/, 'merchant certificate serial number'),
    WECHATPAY_PRIVATE_KEY: Pem('PRIVATE KEY'),
    WECHATPAY_APIV3_KEY: z.string().length(32, 'the APIv3 key has 32 characters'),
    WECHATPAY_NOTIFY_URL: z
      .string()
      .url()
      .refine((u) => u.startsWith('https://') && !u.includes('?'), 'notify_url must be https without a query'),
    /** JSON object {serial: PEM certificate or public key} of platform certificates. */
    WECHATPAY_PLATFORM_CERTS: z
      .string()
      .optional()
      .transform((s, ctx) => {
        if (!s) return {}
        try {
          const parsed: unknown = JSON.parse(s)
          if (typeof parsed !== 'object' || parsed === null) throw new Error('not an object')
          return Object.fromEntries(Object.entries(parsed as Record<string, unknown>).map(([k, v]) => [k, String(v).replace(/\\n/g, '\n')]))
        } catch {
          ctx.addIssue({ code: 'custom', message: 'WECHATPAY_PLATFORM_CERTS must be a JSON object {serial: PEM}' })
          return z.NEVER
        }
      }),
    WECHATPAY_PUBLIC_KEY_ID: z.string().startsWith('PUB_KEY_ID_', 'must start with PUB_KEY_ID_').optional(),
    WECHATPAY_PUBLIC_KEY: Pem('PUBLIC KEY').optional()
  })
  .refine((e) => !!e.WECHATPAY_PUBLIC_KEY_ID === !!e.WECHATPAY_PUBLIC_KEY, 'WECHATPAY_PUBLIC_KEY_ID and WECHATPAY_PUBLIC_KEY go together')
  .refine((e) => Object.keys(e.WECHATPAY_PLATFORM_CERTS).length > 0 || !!e.WECHATPAY_PUBLIC_KEY, 'set a platform certificate or the WeChat Pay public key')

export type MerchantEnvT = z.infer<typeof MerchantEnv>

export interface MerchantConfig {
  appid: string
  mchid: string
  serial: string
  privateKey: string
  apiV3Key: string
  notifyUrl: string
  /** Verification keys by the id WeChat Pay sends in `Wechatpay-Serial`. */
  publicKeys: Record<string, string>
}

export function readMerchantConfig(source: NodeJS.ProcessEnv = process.env): MerchantConfig {
  // cloudbaserc.json templates every variable: one the merchant does not use arrives empty.
  const set = Object.fromEntries(Object.entries(source).filter(([, v]) => typeof v === 'string' && v.trim() !== ''))
  const parsed = MerchantEnv.safeParse(set)
  if (!parsed.success) {
    throw new Error('invalid WeChat Pay settings: ' + parsed.error.issues.map((i) => `${i.path.join('.') || 'env'}: ${i.message}`).join('; '))
  }
  const e = parsed.data
  const publicKeys: Record<string, string> = { ...e.WECHATPAY_PLATFORM_CERTS }
  if (e.WECHATPAY_PUBLIC_KEY_ID && e.WECHATPAY_PUBLIC_KEY) publicKeys[e.WECHATPAY_PUBLIC_KEY_ID] = e.WECHATPAY_PUBLIC_KEY
  return {
    appid: e.WECHATPAY_APPID,
    mchid: e.WECHATPAY_MCHID,
    serial: e.WECHATPAY_SERIAL,
    privateKey: e.WECHATPAY_PRIVATE_KEY,
    apiV3Key: e.WECHATPAY_APIV3_KEY,
    notifyUrl: e.WECHATPAY_NOTIFY_URL,
    publicKeys
  }
}

/**
 * 商家转账 settings, small enough to stay environment variables (4 KB per function). The scene
 * for commission must be the one the merchant was approved for (1005 佣金报酬 by default); the
 * notify address defaults to the payment one's sibling route `transfer-notify` on the same
 * HTTP access path, which is how the deploy declares it.
 */
const TransferEnv = z.object({
  WECHATPAY_TRANSFER_SCENE_ID: z.string().regex(/^\d{4}$/, 'transfer scene id: 4 digits, e.g. 1005').default('1005'),
  WECHATPAY_TRANSFER_NOTIFY_URL: z
    .string()
    .url()
    .refine((u) => u.startsWith('https://') && !u.includes('?'), 'transfer notify_url must be https without a query')
    .optional()
})

export interface TransferConfig extends MerchantConfig {
  commissionSceneId: string
  transferNotifyUrl: string
}

export function readTransferConfig(source: NodeJS.ProcessEnv = process.env): TransferConfig {
  const merchant = readMerchantConfig(source)
  const set = Object.fromEntries(Object.entries(source).filter(([, v]) => typeof v === 'string' && v.trim() !== ''))
  const parsed = TransferEnv.safeParse(set)
  if (!parsed.success) {
    throw new Error('invalid WeChat Pay transfer settings: ' + parsed.error.issues.map((i) => `${i.path.join('.') || 'env'}: ${i.message}`).join('; '))
  }
  const e = parsed.data
  return {
    ...merchant,
    commissionSceneId: e.WECHATPAY_TRANSFER_SCENE_ID,
    transferNotifyUrl: e.WECHATPAY_TRANSFER_NOTIFY_URL ?? merchant.notifyUrl.replace(/\/[^/]*$/, '/transfer-notify')
  }
}
