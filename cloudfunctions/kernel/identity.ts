/**
 * Who is calling, as the platform says: the WeChat context in CloudBase, a signed dev session in
 * the local server. Never read from the request body.
 */
export interface Identity {
  openid: string
  appid?: string
  unionid?: string
  source: 'wechat' | 'dev'
}

export type IdentityResolver = (event: unknown, context: unknown) => Identity | null
