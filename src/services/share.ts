import Taro from '@tarojs/taro'

/**
 * Sharing a page. In WeChat the page's `useShareAppMessage` makes the chat card from `title`,
 * `path` and the cover; the H5 build has no chat card, so the same content is shown as a card in a
 * sheet (components/ShareSheet) with the link, a copy button and a QR code of the link.
 */
export interface ShareContent {
  /** The card's title, as on the WeChat card. */
  title: string
  /** The page path the card opens, with its params (`/packages/.../index?id=…`). */
  path: string
  /** One or two short lines under the title: when, where, what it is. */
  description?: string
  /** A photo id (`cloud://…` or `local:…`) drawn as the card's cover. */
  image?: string | null
}

/**
 * The address a shared path opens at on H5: this site, the path in the hash (the router is in hash
 * mode). Empty in WeChat, where the card carries the path itself.
 */
export function shareUrl(path: string): string {
  if (process.env.TARO_ENV !== 'h5') return ''
  const route = path.startsWith('/') ? path : `/${path}`
  return `${window.location.origin}${window.location.pathname}#${route}`
}

/** Puts a share link on the clipboard and says so; false when the browser refused. */
export async function copyShareLink(url: string): Promise<boolean> {
  try {
    await Taro.setClipboardData({ data: url })
    void Taro.showToast({ title: '链接已复制，可粘贴到微信群', icon: 'none' })
    return true
  } catch {
    void Taro.showToast({ title: '复制失败，请长按链接手动复制', icon: 'none' })
    return false
  }
}
