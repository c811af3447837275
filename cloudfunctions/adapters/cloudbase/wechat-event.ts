import type { EventPorts } from '../../domain/event/ports'
import type { Ports } from '../../kernel/ports'
import { memberRewards } from '../event/member-rewards'
import { loadWxServerSdk } from './wx-server-sdk'

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
        const wx = loadWxServerSdk()
        if (!wx) return null
        const res = await wx.getOpenData({ list: [cloudId] })
        return res.list?.[0] ?? null
      }
    },
    posterCodes: {
      async unlimited(scene, page) {
        const cached = codes.get(scene)
        if (cached) return cached
        const wx = loadWxServerSdk()
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
