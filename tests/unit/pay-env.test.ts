/**
 * `readMerchantConfig`: the WeChat Pay settings a function checks at start. A wrong setting stops
 * the function with a reason naming the variable, instead of failing on the first payment.
 */
import { readMerchantConfig } from '../../cloudfunctions/adapters/wechatpay/env'
import { platformCertificate, rsaKeyPair } from '../support/pay'

const merchant = rsaKeyPair(0)
const wechat = rsaKeyPair(1)
const CERT_SERIAL = '5157F09EFDC096DE15EBE81A47057A7232F1B8E1'
const certificate = platformCertificate(wechat, CERT_SERIAL)

const base = {
  WECHATPAY_APPID: 'wx0123456789abcdef',
  WECHATPAY_MCHID: '1900000109',
  WECHATPAY_SERIAL: '3775B6A45ACD588826D15E583A95F5DD3FD2A1E1',
  WECHATPAY_PRIVATE_KEY: merchant.privateKey,
  WECHATPAY_APIV3_KEY: 'abcdefghijklmnopqrstuvwxyz012345',
  WECHATPAY_NOTIFY_URL: 'https://linli.example.com/pay/notify',
  WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0114232019043020000000000012345678',
  WECHATPAY_PUBLIC_KEY: wechat.publicKey
}

function errorOf(env: Record<string, string | undefined>): string {
  try {
    readMerchantConfig(env as NodeJS.ProcessEnv)
  } catch (e) {
    return e instanceof Error ? e.message : String(e)
  }
  throw new Error('expected readMerchantConfig to throw')
}

it('reads a public-key-mode merchant', () => {
  expect(readMerchantConfig(base)).toEqual({
    appid: 'wx0123456789abcdef',
    mchid: '1900000109',
    serial: '3775B6A45ACD588826D15E583A95F5DD3FD2A1E1',
    privateKey: merchant.privateKey.trim(),
    apiV3Key: 'abcdefghijklmnopqrstuvwxyz012345',
    notifyUrl: 'https://linli.example.com/pay/notify',
    publicKeys: { PUB_KEY_ID_0114232019043020000000000012345678: wechat.publicKey.trim() }
  })
})

it('reads a platform-certificate merchant and a switching merchant (both keys by id)', () => {
  const { WECHATPAY_PUBLIC_KEY_ID: _a, WECHATPAY_PUBLIC_KEY: _b, ...noPublicKey } = base
  const certs = JSON.stringify({ [CERT_SERIAL]: certificate })
  expect(readMerchantConfig({ ...noPublicKey, WECHATPAY_PLATFORM_CERTS: certs }).publicKeys).toEqual({ [CERT_SERIAL]: certificate })
  const both = readMerchantConfig({ ...base, WECHATPAY_PLATFORM_CERTS: certs })
  expect(Object.keys(both.publicKeys).sort()).toEqual([CERT_SERIAL, base.WECHATPAY_PUBLIC_KEY_ID].sort())
})

it('treats variables left empty by the deploy template (cloudbaserc.json lists all nine) as unset', () => {
  const certs = JSON.stringify({ [CERT_SERIAL]: certificate })
  // A platform-certificate merchant: no public key yet.
  const certOnly = readMerchantConfig({ ...base, WECHATPAY_PLATFORM_CERTS: certs, WECHATPAY_PUBLIC_KEY_ID: '', WECHATPAY_PUBLIC_KEY: '' })
  expect(certOnly.publicKeys).toEqual({ [CERT_SERIAL]: certificate })
  // A new merchant: public key only.
  expect(Object.keys(readMerchantConfig({ ...base, WECHATPAY_PLATFORM_CERTS: '' }).publicKeys)).toEqual([base.WECHATPAY_PUBLIC_KEY_ID])
  // Empty is still missing where a value is required.
  expect(errorOf({ ...base, WECHATPAY_APIV3_KEY: '' })).toContain('WECHATPAY_APIV3_KEY')
  expect(errorOf({ ...base, WECHATPAY_PLATFORM_CERTS: '', WECHATPAY_PUBLIC_KEY_ID: '', WECHATPAY_PUBLIC_KEY: '' })).toContain('set a platform certificate or the WeChat Pay public key')
})

it('accepts PEMs pasted with literal \\n (console-entered secrets), also inside the certificates JSON', () => {
  const escaped = (pem: string) => pem.trim().replace(/\n/g, '\\n')
  const cfg = readMerchantConfig({
    ...base,
    WECHATPAY_PRIVATE_KEY: escaped(merchant.privateKey),
    WECHATPAY_PUBLIC_KEY: escaped(wechat.publicKey),
    WECHATPAY_PLATFORM_CERTS: JSON.stringify({ [CERT_SERIAL]: escaped(certificate) })
  })
  expect(cfg.privateKey).toBe(merchant.privateKey.trim())
  expect(cfg.publicKeys[base.WECHATPAY_PUBLIC_KEY_ID]).toBe(wechat.publicKey.trim())
  expect(cfg.publicKeys[CERT_SERIAL]).toBe(certificate.trim())
})

it.each(['WECHATPAY_APPID', 'WECHATPAY_MCHID', 'WECHATPAY_SERIAL', 'WECHATPAY_PRIVATE_KEY', 'WECHATPAY_APIV3_KEY', 'WECHATPAY_NOTIFY_URL'])('refuses a missing %s, naming it', (key) => {
  const env: Record<string, string | undefined> = { ...base }
  delete env[key]
  const message = errorOf(env)
  expect(message).toMatch(/^invalid WeChat Pay settings: /)
  expect(message).toContain(`${key}:`)
})

it.each([
  ['http://linli.example.com/pay/notify', 'plain http'],
  ['https://linli.example.com/pay/notify?token=1', 'a query string'],
  ['linli.example.com/pay/notify', 'no scheme']
])('refuses the notify URL %s (%s)', (url) => {
  expect(errorOf({ ...base, WECHATPAY_NOTIFY_URL: url })).toContain('WECHATPAY_NOTIFY_URL')
})

it.each([
  ['WECHATPAY_APPID', 'wxSHORT', 'appid'],
  ['WECHATPAY_MCHID', 'mch-1', 'merchant id'],
  ['WECHATPAY_SERIAL', 'not-hex', 'serial'],
  ['WECHATPAY_APIV3_KEY', 'too-short', '32 characters'],
  ['WECHATPAY_PRIVATE_KEY', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', 'PEM PRIVATE KEY'],
  ['WECHATPAY_PUBLIC_KEY', 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A', 'PEM PUBLIC KEY'],
  ['WECHATPAY_PUBLIC_KEY_ID', 'KEY_0114', 'PUB_KEY_ID_'],
  ['WECHATPAY_PLATFORM_CERTS', '[not json', 'JSON object']
])('refuses a malformed %s', (key, value, hint) => {
  const message = errorOf({ ...base, [key]: value })
  expect(message).toContain(key === 'WECHATPAY_PUBLIC_KEY_ID' ? 'WECHATPAY_PUBLIC_KEY_ID' : key)
  expect(message).toContain(hint)
})

it('refuses a public key id without its key, and a key without its id', () => {
  const { WECHATPAY_PUBLIC_KEY: _k, ...idOnly } = base
  expect(errorOf(idOnly)).toContain('WECHATPAY_PUBLIC_KEY_ID and WECHATPAY_PUBLIC_KEY go together')
  const { WECHATPAY_PUBLIC_KEY_ID: _i, ...keyOnly } = base
  expect(errorOf(keyOnly)).toContain('WECHATPAY_PUBLIC_KEY_ID and WECHATPAY_PUBLIC_KEY go together')
})

it('refuses a merchant with no verification key at all', () => {
  const { WECHATPAY_PUBLIC_KEY_ID: _i, WECHATPAY_PUBLIC_KEY: _k, ...none } = base
  expect(errorOf(none)).toContain('set a platform certificate or the WeChat Pay public key')
  expect(errorOf({ ...none, WECHATPAY_PLATFORM_CERTS: '{}' })).toContain('set a platform certificate or the WeChat Pay public key')
})

it('never echoes a secret in its error', () => {
  const message = errorOf({ ...base, WECHATPAY_NOTIFY_URL: 'http://x' })
  expect(message).not.toContain(base.WECHATPAY_APIV3_KEY)
  expect(message).not.toContain('PRIVATE KEY-----')
})
