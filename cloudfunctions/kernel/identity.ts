/**
 * Who is calling, as the platform says: the WeChat context in CloudBase, a signed dev session in
 * the local server. Never read from the request body.
 */
export interface WechatIdentity {
  source: 'wechat' | 'dev'
  openid: string
  appid?: string
  unionid?: string
}

/**
 * A web console signed in by scanning: CloudBase's custom login carries the console session's id
 * as the custom user id (a dev token locally). The kernel maps it to the staff member's user.
 */
export interface ConsoleIdentity {
  source: 'console'
  sessionId: string
}

/**
 * A browser the platform knows but nobody has signed in on (CloudBase's anonymous login, which a
 * web page needs before it can call a function). Such a caller may only start a console sign-in.
 */
export interface WebVisitorIdentity {
  source: 'web'
}

export type Identity = WechatIdentity | ConsoleIdentity | WebVisitorIdentity

/** A caller who is somebody: a WeChat user or a signed-in console. */
export type CallerIdentity = WechatIdentity | ConsoleIdentity

export type IdentityResolver = (event: unknown, context: unknown) => Identity | null

export function isWechat(identity: Identity | null): identity is WechatIdentity {
  return identity !== null && (identity.source === 'wechat' || identity.source === 'dev')
}

/** The caller behind an identity, if it is somebody (not an anonymous browser, not the platform). */
export function callerIdentity(identity: Identity | null): CallerIdentity | null {
  return identity && identity.source !== 'web' ? identity : null
}
