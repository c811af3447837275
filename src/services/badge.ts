import Taro from '@tarojs/taro'
import { api, currentMe } from '../client'

/** The 消息 tab's place in the tab bar (app.config.ts). */
const MESSAGES_TAB = 1

let shown = -1
let openAt: 'inbox' | 'notices' | null = null

/** What the 消息 tab should show first when it opens next (a tab link carries no parameters). */
export function openMessagesAt(tab: 'inbox' | 'notices'): void {
  openAt = tab
  void Taro.switchTab({ url: '/pages/messages/index' })
}

export function takeMessagesTab(): 'inbox' | 'notices' | null {
  const t = openAt
  openAt = null
  return t
}

/**
 * Unread messages plus, for a resident, unread notices of the current community, on the tab's
 * badge. Called when a tab page shows: WeChat refuses the badge from any other page.
 */
export async function refreshBadge(): Promise<{ inbox: number; notices: number } | null> {
  const me = currentMe()
  if (!me) return null
  const current = me.current
  const res = await api.message.unread(current?.role === 'resident' ? { communityId: current.communityId } : {})
  if (!res.ok) return null
  const n = res.data.inbox + res.data.notices
  if (n !== shown) {
    try {
      if (n > 0) await Taro.setTabBarBadge({ index: MESSAGES_TAB, text: n > 99 ? '99+' : String(n) })
      else await Taro.removeTabBarBadge({ index: MESSAGES_TAB })
      shown = n
    } catch {
      // Not on a tab page (a cold link): the next tab page shown sets it.
    }
  }
  return res.data
}
