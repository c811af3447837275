import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { RELATION_LABELS, ROLE_LABELS } from '@contracts/roles'
import { Avatar } from '../../components/Avatar'
import { refreshBadge } from '../../services/badge'
import { isDevBuild, signOutDev } from '../../services/dev-login'
import { LOGIN_PATH, refreshMe, signOut, switchContext, useSession } from '../../client'
import { toastError } from '../../services/result'
import { formatDate } from '../../utils/time'
import { Button } from '../../ui/nut'
import { Cell, CellGroup, Chip, ElderSwitch, Icon } from '../../ui/kit'
import { EmptyState, PageShell } from '../../ui/shell'
import './index.scss'

const go = (url: string) => () => void Taro.navigateTo({ url })

export default function MePage() {
  const { me, loading, error } = useSession()
  useDidShow(() => void refreshBadge())
  const query = { data: me, error, loading, reload: () => refreshMe().then(() => undefined) }
  return (
    <PageShell id='me' className='me' query={query}>
      {(me) => {
        const staff = me.contexts.filter((c) => c.role !== 'resident')
        return (
          <>
            <View className='card me__profile' hoverClass='kit-cell--pressed' onClick={go('/packages/account/pages/profile/index')}>
              <Avatar name={me.user.nickname} url={me.user.avatarUrl} size={112} />
              <View className='me__who'>
                <Text className='me__name' id='me-name'>
                  {me.user.nickname}
                </Text>
                <Text className='muted'>{me.user.phoneMasked ?? '未填写手机号'}</Text>
              </View>
              <View className='me__edit'>
                <Text className='muted'>编辑资料</Text>
                <Icon name='arrow-right' size='s' color='muted' />
              </View>
            </View>

            <View className='me__head'>
              <Text className='section-title'>我的房屋</Text>
              <Text className='muted' id='me-household-count'>
                {me.households.length} 套
              </Text>
            </View>
            {me.households.length === 0 ? (
              <EmptyState title='还没有绑定房屋' hint='绑定后可以缴费、开门、预约服务' />
            ) : null}
            {me.households.map((h) => {
              const isCurrent = me.current?.householdId === h.householdId
              const ctx = me.contexts.find((c) => c.householdId === h.householdId)
              return (
                <View
                  key={h.householdId}
                  id={`household-${h.householdId}`}
                  className={`card me__house ${isCurrent ? 'me__house--current' : ''}`}
                  onClick={() => {
                    if (ctx && !isCurrent) void switchContext(ctx).then((r) => !r.ok && toastError(r.error))
                  }}
                >
                  <View className='me__house-head'>
                    <Text className='me__house-name'>{h.label}</Text>
                    <View className='me__chips'>
                      <Chip text={RELATION_LABELS[h.relation]} tone='primary' />
                      {isCurrent ? <Chip text='当前' tone='accent' /> : null}
                    </View>
                  </View>
                  <Text className='muted'>
                    {h.communityName} · {formatDate(h.since)} 绑定
                  </Text>
                </View>
              )
            })}

            <CellGroup>
              <Cell id='me-bind' icon='add' title='绑定新房屋' desc='业主输入物业发放的房屋码' onClick={go('/packages/household/pages/bind/index')} />
              <Cell id='me-join' icon='team' title='申请加入房屋' desc='家人或租户，由网格管家审核' onClick={go('/packages/household/pages/join/index')} />
              <Cell id='me-switch' icon='switch' title='切换社区与身份' extra={`${me.contexts.length} 个`} onClick={go('/packages/account/pages/switch/index')} />
              {me.current?.role === 'resident' && me.current.householdId ? (
                <Cell
                  id='me-profile'
                  icon='user'
                  title='我的档案与隐私'
                  desc='查看、导出或删除本户档案'
                  onClick={go(`/packages/profile/pages/mine/index?householdId=${me.current.householdId}&communityId=${me.current.communityId}`)}
                />
              ) : null}
            </CellGroup>

            <CellGroup title='阅读与显示'>
              <ElderSwitch />
            </CellGroup>

            {staff.length > 0 ? (
              <CellGroup title='工作身份'>
                {staff.map((c) => (
                  <Cell key={`${c.communityId}-${c.role}`} icon='setting' title={c.communityName} extra={<Chip text={ROLE_LABELS[c.role]} tone='info' />} />
                ))}
                <Cell id='me-console' icon='scan' title='电脑端登录' desc='扫码登录物业管理后台，管理已登录的电脑' onClick={go('/packages/account/pages/console-sessions/index')} />
              </CellGroup>
            ) : null}

            {isDevBuild ? (
              <Button
                id='sign-out'
                block
                fill='outline'
                className='btn-block'
                onClick={() => {
                  signOutDev()
                  signOut()
                  void Taro.reLaunch({ url: `${LOGIN_PATH}?switch=1` })
                }}
              >
                切换演示身份
              </Button>
            ) : null}
          </>
        )
      }}
    </PageShell>
  )
}
