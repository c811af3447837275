/**
 * wx-server-sdk brings WeChat's cloud calls (subscribe messages, open-data decryption, mini-program
 * codes) without access tokens to manage. CloudBase installs it as a declared dependency of each
 * bundle; it is loaded on first use, so a bundle still loads (and tests run) where it is absent.
 * Its own typings are not installed here: this is the slice we call.
 */
export interface WxServerSdk {
  init(opts: { env: unknown }): void
  DYNAMIC_CURRENT_ENV: unknown
  getOpenData(req: { list: string[] }): Promise<{ list?: unknown[] }>
  uploadFile(req: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID?: string }>
  openapi: {
    subscribeMessage: {
      send(req: { touser: string; templateId: string; page: string; data: Record<string, { value: string }> }): Promise<{ errCode?: number; errMsg?: string }>
    }
    customerServiceMessage: {
      send(req: { touser: string; msgtype: 'text'; text: { content: string } }): Promise<{ errCode?: number; errMsg?: string }>
    }
    urllink: {
      generate(req: { path: string; query: string; isExpire: boolean; expireType: number; expireInterval: number }): Promise<{ urlLink?: string; errCode?: number; errMsg?: string }>
    }
    wxacode: {
      getUnlimited(req: { scene: string; page: string; checkPath: boolean; width: number }): Promise<{ buffer?: Buffer; errCode?: number; errMsg?: string }>
    }
  }
}

let sdk: WxServerSdk | null | undefined

export function loadWxServerSdk(): WxServerSdk | null {
  if (sdk !== undefined) return sdk
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    sdk = require('wx-server-sdk') as WxServerSdk
    sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV })
  } catch {
    sdk = null
  }
  return sdk
}
