import type { Me } from '@contracts/user'
import type { Tile } from './components/Tiles'

/**
 * The resident home's feature tiles. A feature adds its tile here when its pages exist, so the
 * home never links to something that is not built.
 */
export function residentTiles(me: Me): Tile[] {
  const current = me.current
  const home = me.households.find((h) => h.householdId === current?.householdId)
  const tiles: Tile[] = [
    {
      key: 'members',
      title: '我的房屋',
      glyph: '房',
      tone: 'green',
      url: `/packages/household/pages/members/index?householdId=${home?.householdId ?? ''}&communityId=${current?.communityId ?? ''}`
    }
  ]
  if (home?.relation === 'owner') {
    tiles.push({
      key: 'invite',
      title: '邀请家人',
      glyph: '邀',
      tone: 'orange',
      url: `/packages/household/pages/invite/index?householdId=${home.householdId}&communityId=${home.communityId}`
    })
  }
  tiles.push(
    { key: 'bind', title: '绑定房屋', glyph: '绑', tone: 'blue', url: '/packages/household/pages/bind/index' },
    { key: 'switch', title: '切换身份', glyph: '换', tone: 'purple', url: '/packages/account/pages/switch/index' }
  )
  return tiles
}
