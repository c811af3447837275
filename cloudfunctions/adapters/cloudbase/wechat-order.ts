import type { OrderPorts } from '../../domain/order/ports'
import type { Ports } from '../../kernel/ports'
import { loadWxServerSdk } from './wx-server-sdk'

/**
 * In CloudBase: the group id from the platform's open-data decryption of the `cloudID`
 * (wx.getGroupEnterInfo), and poster codes from wxacode.getUnlimited kept in cloud storage
 * (the mini-program shows a `cloud://` file id directly), cached per scene.
 */
export function cloudbaseOrderPorts(_ports: Ports): OrderPorts {
  const codes = new Map<string, string>()
  return {
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
        const up = await wx.uploadFile({ cloudPath: `posters/presale-${scene}.png`, fileContent: img.buffer })
        if (!up.fileID) throw new Error('poster upload failed')
        codes.set(scene, up.fileID)
        return up.fileID
      }
    }
  }
}
