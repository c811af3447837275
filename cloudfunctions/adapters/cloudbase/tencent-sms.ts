import { createHash, createHmac } from 'node:crypto'
import type { SmsResult, SmsSender, SmsTemplate } from '../../kernel/ports'

export interface TencentSmsConfig {
  secretId: string
  secretKey: string
  /** SmsSdkAppId, from the SMS console. */
  appId: string
  /** The approved signature (签名), e.g. 临苑物业. */
  sign: string
  templates: Record<SmsTemplate, string>
  region?: string
}

const HOST = 'sms.tencentcloudapi.com'
const VERSION = '2021-01-11'

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')
const hmac = (key: string | Buffer, s: string) => createHmac('sha256', key).update(s).digest()

/**
 * The TC3-HMAC-SHA256 signature of Tencent Cloud API 3.0 (cloud.tencent.com/document/api/382/52071):
 * a canonical request hashed, signed with a key derived from the secret, the day and the service.
 */
export function tc3Authorization(cfg: Pick<TencentSmsConfig, 'secretId' | 'secretKey'>, body: string, timestamp: number): string {
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10)
  const canonical = ['POST', '/', '', `content-type:application/json; charset=utf-8\nhost:${HOST}\n`, 'content-type;host', sha256(body)].join('\n')
  const scope = `${date}/sms/tc3_request`
  const toSign = ['TC3-HMAC-SHA256', String(timestamp), scope, sha256(canonical)].join('\n')
  const key = hmac(hmac(hmac(`TC3${cfg.secretKey}`, date), 'sms'), 'tc3_request')
  const signature = createHmac('sha256', key).update(toSign).digest('hex')
  return `TC3-HMAC-SHA256 Credential=${cfg.secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`
}

interface SendStatus {
  Code?: string
  Message?: string
  SerialNo?: string
}

/** Tencent Cloud SMS (SendSms), one number at a time: each send has its own outcome to record. */
export function tencentSms(cfg: TencentSmsConfig, now: () => number = Date.now): SmsSender {
  return {
    async send(phone, template, params): Promise<SmsResult> {
      const body = JSON.stringify({
        PhoneNumberSet: [phone.startsWith('+') ? phone : `+86${phone}`],
        SmsSdkAppId: cfg.appId,
        SignName: cfg.sign,
        TemplateId: cfg.templates[template],
        TemplateParamSet: params
      })
      const timestamp = Math.floor(now() / 1000)
      try {
        const res = await fetch(`https://${HOST}`, {
          method: 'POST',
          headers: {
            Authorization: tc3Authorization(cfg, body, timestamp),
            'Content-Type': 'application/json; charset=utf-8',
            Host: HOST,
            'X-TC-Action': 'SendSms',
            'X-TC-Version': VERSION,
            'X-TC-Timestamp': String(timestamp),
            'X-TC-Region': cfg.region ?? 'ap-guangzhou'
          },
          body
        })
        const json = (await res.json()) as { Response?: { Error?: { Code: string; Message: string }; SendStatusSet?: SendStatus[] } }
        const error = json.Response?.Error
        if (error) return { ok: false, code: error.Code, message: error.Message }
        const status = json.Response?.SendStatusSet?.[0]
        if (status?.Code === 'Ok') return { ok: true, id: status.SerialNo ?? '' }
        return { ok: false, code: status?.Code ?? `HTTP_${res.status}`, message: status?.Message ?? '' }
      } catch (e) {
        return { ok: false, code: 'NETWORK', message: e instanceof Error ? e.message : String(e) }
      }
    }
  }
}

/** Where no SMS account is configured: every send is refused, and recorded as such. */
export const noSms: SmsSender = {
  async send() {
    return { ok: false, code: 'NOT_CONFIGURED', message: '未配置短信服务' }
  }
}
