/**
 * Plain constants of WeChat Pay 商家转账 as people read them: why a bill failed (WeChat Pay's
 * `fail_reason` codes, from its 发起转账 documentation), never shown as a raw code.
 */
export const TRANSFER_FAIL_LABELS: Readonly<Record<string, string>> = {
  ACCOUNT_FROZEN: '收款人微信账户被冻结',
  ACCOUNT_NOT_EXIST: '收款人微信账户不存在',
  REAL_NAME_CHECK_FAIL: '收款人微信未实名认证',
  NAME_NOT_CORRECT: '收款人姓名校验不通过',
  OPENID_INVALID: '收款人身份无效',
  TRANSFER_QUOTA_EXCEED: '超过收款人单笔收款额度',
  DAY_RECEIVED_QUOTA_EXCEED: '超过收款人当日收款额度',
  MONTH_RECEIVED_QUOTA_EXCEED: '超过收款人当月收款额度',
  DAY_RECEIVED_COUNT_EXCEED: '超过收款人当日收款次数',
  PAYEE_ACCOUNT_ABNORMAL: '收款人微信账户收款异常',
  PAYER_ACCOUNT_ABNORMAL: '商户账户付款受限',
  TRANSFER_RISK: '转账存在风险，已被微信拦截',
  TRANSFER_SCENE_UNAVAILABLE: '商户未开通该转账场景',
  NOT_ENOUGH: '商户运营账户余额不足',
  MERCHANT_REJECT: '商户已撤销转账',
  MERCHANT_NOT_CONFIRM: '商户未确认转账'
}

/** The reason a bill failed, in words: a known code, or WeChat Pay's own wording when it sent words. */
export function transferFailText(reason: string | null): string {
  if (!reason) return '微信支付未能完成转账'
  const [code = '', ...words] = reason.trim().split(/\s+/)
  const known = TRANSFER_FAIL_LABELS[code]
  if (known) return known
  // `PARAM_ERROR 参数错误`: WeChat Pay's words without its code; a bare code says nothing to people.
  const text = /^[A-Z0-9_]+$/.test(code) ? words.join(' ') : reason.trim()
  return text && !/^[A-Za-z0-9_ .:-]+$/.test(text) ? text : '微信支付未能完成转账'
}
