import type { EventPorts } from '../../domain/event/ports'
import type { Ports } from '../../kernel/ports'
import { memberRewards } from '../event/member-rewards'

/** The slice of wx-server-sdk the event function uses (its own typings are not installed here). */
interface WxServerSdk {
  init(opts: { env: unknown }): void
  DYNAMIC_CURRENT_ENV: unknown
  getOpenData(req: { list: string[] }): Promise<{ list?: unknown[] }>
  uploadFile(req: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID?: string }>
  openapi: {
    wxacode: {
      getUnlimited(req: { scene: string; page: string; checkPath: boolean; width: number }): Promise<{ buffer?: Buffer; errCode?: number; errMsg?: string }>
    }
  }
}

let sdk: WxServerSdk | null | undefined

/**
 * wx-server-sdk is installed by CloudBase as a dependency of the deployed function (see README,
 * "Events"), and loaded on first use: the bundle must still load where it is absent.
 */
function loadSdk(): WxServerSdk | null {
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

/**
 * In CloudBase: group ids from the platform's open-data decryption (the `cloudID` of
 * wx.getGroupEnterInfo), poster codes from wxacode.getUnlimited stored in cloud storage (the
 * mini-program shows a `cloud://` file id directly). Poster images are cached by scene.
 */
export function cloudbaseEventPorts(ports: Ports): EventPorts {
  const codes = new Map<string, string>()
  return {
    rewards: memberRewards(ports),
    groups: {
      async resolve(cloudId) {
        const wx = loadSdk()
        if (!wx) return null
        const res = await wx.getOpenData({ list: [cloudId] })
        return res.list?.[0] ?? null
      }
    },
    posterCodes: {
      async unlimited(scene, page) {
        const cached = codes.get(scene)
        if (cached) return cached
        const wx = loadSdk()
        if (!wx) return null
        const img = await wx.openapi.wxacode.getUnlimited({ scene, page, checkPath: false, width: 430 })
        if (!img.buffer) throw new Error(`wxacode.getUnlimited failed: ${img.errCode ?? ''} ${img.errMsg ?? ''}`)
        const up = await wx.uploadFile({ cloudPath: `posters/${scene}.png`, fileContent: img.buffer })
        if (!up.fileID) throw new Error('poster upload failed')
        codes.set(scene, up.fileID)
        return up.fileID
      }
    }
  }
}
