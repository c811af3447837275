/**
 * The production notification verifier (`makeNotificationVerifier`) in both of WeChat Pay's key
 * modes: platform certificates (Wechatpay-Serial = the certificate's hex serial, key = the
 * certificate) and the WeChat Pay public key (Wechatpay-Serial = `PUB_KEY_ID_...`), plus a
 * merchant that is switching and holds both. Notifications are signed with
 * `Rsa.sign(Formatter.response(ts, nonce, body), key)` and encrypted with `Aes.AesGcm.encrypt`.
 */
import { X509Certificate } from 'node:crypto'
import { Formatter, Rsa } from 'wechatpay-axios-plugin'
import { makeNotificationVerifier } from '../../cloudfunctions/adapters/wechatpay/notification'
import type { NotificationCheck } from '../../cloudfunctions/kernel/payment-gateway'
import { FakeClock } from '../support/harness'
import { type SignOptions, apiV3Key, platformCertificate, refundResource, rsaKeyPair, signNotification, transactionResource } from '../support/pay'

const CERT_SERIAL = '5157F09EFDC096DE15EBE81A47057A7232F1B8E1'
const PUB_KEY_ID = 'PUB_KEY_ID_0114232019043020000000000012345678'
const KEY = apiV3Key('merchant-apiv3')

const certPair = rsaKeyPair(0)
const pubPair = rsaKeyPair(1)
const forger = rsaKeyPair(2)
const certificate = platformCertificate(certPair, CERT_SERIAL)

const clock = new FakeClock(Date.UTC(2026, 0, 6, 2, 0, 0))
const certMode = makeNotificationVerifier({ apiV3Key: KEY, publicKeys: { [CERT_SERIAL]: certificate }, clock })
const publicKeyMode = makeNotificationVerifier({ apiV3Key: KEY, publicKeys: { [PUB_KEY_ID]: pubPair.publicKey }, clock })
const switching = makeNotificationVerifier({ apiV3Key: KEY, publicKeys: { [CERT_SERIAL]: certificate, [PUB_KEY_ID]: pubPair.publicKey }, clock })

const TX = transactionResource('P20260106ABCDEFGHJKLMNP', 43820)
const sign = (o: Partial<SignOptions>) => signNotification({ privateKey: certPair.privateKey, keyId: CERT_SERIAL, apiV3Key: KEY, resource: TX, nowMs: clock.now(), ...o })
const byCert = (o: Partial<SignOptions> = {}) => sign(o)
const byPubKey = (o: Partial<SignOptions> = {}) => sign({ privateKey: pubPair.privateKey, keyId: PUB_KEY_ID, ...o })

function reason(c: NotificationCheck): string {
  return c.ok ? 'ok' : c.reason
}

it('the certificate is a real X.509 certificate whose serial is the Wechatpay-Serial', () => {
  const x = new X509Certificate(certificate)
  expect(x.serialNumber.toUpperCase()).toBe(CERT_SERIAL)
  expect(x.verify(x.publicKey)).toBe(true)
  expect(x.publicKey.export({ type: 'spki', format: 'pem' })).toBe(certPair.publicKey)
})

describe.each([
  ['platform certificate', certMode, byCert, (o: Partial<SignOptions>) => byCert(o)],
  ['WeChat Pay public key', publicKeyMode, byPubKey, (o: Partial<SignOptions>) => byPubKey(o)]
] as const)('%s mode', (_mode, verify, genuine, withOpts) => {
  it('accepts a genuine transaction notification and decrypts it', () => {
    const n = genuine()
    const check = verify(n.headers, n.body)
    expect(check).toEqual({
      ok: true,
      notification: {
        kind: 'transaction',
        id: expect.stringMatching(/^EV-test-/),
        eventType: 'TRANSACTION.SUCCESS',
        transaction: {
          outTradeNo: 'P20260106ABCDEFGHJKLMNP',
          transactionId: '4200000GHJKLMNP',
          tradeState: 'SUCCESS',
          totalFen: 43820,
          successAt: Date.UTC(2026, 0, 6, 2, 0, 0)
        }
      }
    })
  })

  it('accepts a genuine refund notification', () => {
    const n = withOpts({ originalType: 'refund', resource: refundResource({ outTradeNo: 'P1', outRefundNo: 'R20260106XYZ', refundFen: 500, totalFen: 43820, status: 'SUCCESS' }) })
    const check = verify(n.headers, n.body)
    expect(check.ok && check.notification).toEqual({
      kind: 'refund',
      id: expect.any(String),
      eventType: 'REFUND.SUCCESS',
      refund: { outTradeNo: 'P1', outRefundNo: 'R20260106XYZ', refundId: '5030060106XYZ', status: 'SUCCESS', refundFen: 500, successAt: Date.UTC(2026, 0, 6, 2, 5, 0) }
    })
  })

  it('accepts header names in any case (HTTP gateways lower-case them)', () => {
    const n = genuine()
    const lower = Object.fromEntries(Object.entries(n.headers).map(([k, v]) => [k.toLowerCase(), v]))
    const upper = Object.fromEntries(Object.entries(n.headers).map(([k, v]) => [k.toUpperCase(), v]))
    expect(verify(lower, n.body).ok).toBe(true)
    expect(verify(upper, n.body).ok).toBe(true)
  })

  it('refuses a forged signature (another RSA key under the right key id)', () => {
    const n = withOpts({ privateKey: forger.privateKey })
    expect(reason(verify(n.headers, n.body))).toBe('bad signature')
  })

  it('refuses a body changed after signing', () => {
    const n = genuine()
    expect(reason(verify(n.headers, n.body.replace('"summary":"test"', '"summary":"paid"')))).toBe('bad signature')
    expect(reason(verify(n.headers, n.body + '\n'))).toBe('bad signature')
    expect(reason(verify({ ...n.headers, 'Wechatpay-Nonce': 'other-nonce' }, n.body))).toBe('bad signature')
    expect(reason(verify({ ...n.headers, 'Wechatpay-Timestamp': String(Number(n.headers['Wechatpay-Timestamp']) - 1) }, n.body))).toBe('bad signature')
  })

  it('refuses tampered ciphertext, a wrong APIv3 key and wrong associated data, even when validly signed', () => {
    const flip = (c: string) => {
      const b = Buffer.from(c, 'base64')
      b[0] = b[0]! ^ 0x80
      return b.toString('base64')
    }
    for (const o of [{ mangleCiphertext: flip }, { encryptWith: apiV3Key('someone else') }, { declaredAssociatedData: 'refund' }]) {
      const n = withOpts({ ...o, resource: TX })
      expect(reason(verify(n.headers, n.body))).toBe('resource does not decrypt')
    }
  })

  it('refuses an unknown Wechatpay-Serial', () => {
    const n = withOpts({ keyId: 'PUB_KEY_ID_0114999999999999' })
    expect(reason(verify(n.headers, n.body))).toMatch(/^unknown Wechatpay-Serial PUB_KEY_ID_0114999999999999/)
  })

  it('refuses a timestamp more than 5 minutes away, accepts one just inside', () => {
    const now = Math.floor(clock.now() / 1000)
    for (const ts of [now - 301, now + 301, now - 3600]) {
      const n = withOpts({ timestamp: ts })
      expect(reason(verify(n.headers, n.body))).toBe('stale or future timestamp')
    }
    for (const ts of [now - 299, now + 299]) {
      const n = withOpts({ timestamp: ts })
      expect(verify(n.headers, n.body).ok).toBe(true)
    }
  })

  it('refuses a replay once the clock has moved on', () => {
    const n = genuine()
    clock.advance(5 * 60_000 + 1_000)
    try {
      expect(reason(verify(n.headers, n.body))).toBe('stale or future timestamp')
    } finally {
      clock.advance(-(5 * 60_000 + 1_000))
    }
  })

  it('refuses a genuine signature over an unexpected envelope or event', () => {
    const unknownEvent = withOpts({ eventType: 'MCHTRANSFER.BILL.FINISHED' })
    expect(reason(verify(unknownEvent.headers, unknownEvent.body))).toBe('unhandled event MCHTRANSFER.BILL.FINISHED')
    const noState = withOpts({ resource: { out_trade_no: 'P1', amount: { total: 1 } } })
    expect(reason(verify(noState.headers, noState.body))).toBe('bad transaction resource')
    const noAmount = withOpts({ originalType: 'refund', resource: { out_trade_no: 'P1', out_refund_no: 'R1', refund_status: 'SUCCESS' } })
    expect(reason(verify(noAmount.headers, noAmount.body))).toBe('bad refund resource')
  })
})

describe('a merchant switching from platform certificates to the public key holds both', () => {
  it('accepts notifications signed under either key id', () => {
    for (const n of [byCert(), byPubKey()]) expect(switching(n.headers, n.body).ok).toBe(true)
  })

  it('refuses a key used under the other key id', () => {
    const certKeyUnderPubId = sign({ privateKey: certPair.privateKey, keyId: PUB_KEY_ID })
    const pubKeyUnderCertSerial = sign({ privateKey: pubPair.privateKey, keyId: CERT_SERIAL })
    expect(reason(switching(certKeyUnderPubId.headers, certKeyUnderPubId.body))).toBe('bad signature')
    expect(reason(switching(pubKeyUnderCertSerial.headers, pubKeyUnderCertSerial.body))).toBe('bad signature')
  })

  it('single-mode verifiers do not know the other mode’s key id', () => {
    const p = byPubKey()
    const c = byCert()
    expect(reason(certMode(p.headers, p.body))).toMatch(/^unknown Wechatpay-Serial/)
    expect(reason(publicKeyMode(c.headers, c.body))).toMatch(/^unknown Wechatpay-Serial/)
  })
})

describe('malformed input', () => {
  it('refuses missing headers, a non-JSON body and a non-AEAD algorithm', () => {
    const n = byPubKey()
    expect(reason(publicKeyMode({}, n.body))).toBe('missing signature headers')
    const { ['Wechatpay-Signature']: _dropped, ...noSig } = n.headers
    expect(reason(publicKeyMode(noSig, n.body))).toBe('missing signature headers')

    // Genuinely signed, but not a notification envelope.
    const signRaw = (body: string) => {
      const t = byPubKey()
      const ts = t.headers['Wechatpay-Timestamp']!
      const nonce = t.headers['Wechatpay-Nonce']!
      return { headers: { ...t.headers, 'Wechatpay-Signature': resign(ts, nonce, body) }, body }
    }
    const notJson = signRaw('not json')
    expect(reason(publicKeyMode(notJson.headers, notJson.body))).toBe('body is not JSON')
    const envelope = JSON.parse(n.body) as { resource: Record<string, unknown> }
    envelope.resource.algorithm = 'AEAD_AES_128_GCM'
    const otherAlgo = signRaw(JSON.stringify(envelope))
    expect(reason(publicKeyMode(otherAlgo.headers, otherAlgo.body))).toBe('unexpected envelope')
  })
})

function resign(ts: string, nonce: string, body: string): string {
  return Rsa.sign(Formatter.response(ts, nonce, body), Rsa.from(pubPair.privateKey, Rsa.KEY_TYPE_PRIVATE))
}
