import type { Identity } from '../../kernel/identity'

/**
 * The caller is whoever WeChat says in this invocation's context: `WX_OPENID` from the context's
 * `environment` (a JSON string; `environ`, `k=v;k=v`, on CloudBase's older architecture), and
 * nothing else. The SDK's `getCloudbaseContext` falls back to `process.env` for the same keys, so
 * a `WX_OPENID` left in the environment of a warm instance (by an earlier call, a trigger or a
 * console test) would become the caller of a request that carries none: it is never consulted.
 */
export function wechatIdentity(_event: unknown, context: unknown): Identity | null {
  const vars = contextVariables(context)
  const openid = vars.WX_OPENID
  if (!openid) return null
  return {
    openid,
    source: 'wechat',
    ...(vars.WX_APPID ? { appid: vars.WX_APPID } : {}),
    ...(vars.WX_UNIONID ? { unionid: vars.WX_UNIONID } : {})
  }
}

/** The invocation's variables; empty for anything that is not an SCF context (refuse, never guess). */
export function contextVariables(context: unknown): Record<string, string> {
  if (typeof context !== 'object' || context === null) return {}
  const { environment, environ } = context as { environment?: unknown; environ?: unknown }
  if (typeof environment === 'string' && environment) {
    try {
      const parsed: unknown = JSON.parse(environment)
      if (typeof parsed !== 'object' || parsed === null) return {}
      return Object.fromEntries(Object.entries(parsed as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'))
    } catch {
      return {}
    }
  }
  if (typeof environ === 'string') {
    const out: Record<string, string> = {}
    for (const pair of environ.split(';')) {
      const at = pair.indexOf('=')
      if (at > 0) out[pair.slice(0, at)] = pair.slice(at + 1)
    }
    return out
  }
  return {}
}
