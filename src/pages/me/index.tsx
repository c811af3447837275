import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { RELATION_LABELS, ROLE_LABELS } from '@contracts/roles'
import { Avatar } from '../../components/Avatar'
import { StateView } from '../../components/StateView'
import { isDevBuild, signOutDev } from '../../services/dev-login'
import { LOGIN_PATH, signOut, switchContext } from '../../services/session'
import { toastError } from '../../services/result'
import { useSession } from '../../services/use-session'
import { formatDate } from '../../utils/time'
import { Button, Cell, CellGroup } from '../../ui/nut'
import './index.scss'

const go = (url: string) => () => void Taro.navigateTo({ url })

export default function MePage() {
  const { me, loading, error } = useSession()
  if (!me) {
    return (
      <View className='page'>
        <StateView loading={loading} error={error} />
      </View>
    )
  }
  const staff = me.contexts.filter((c) => c.role !== 'resident')
  return (
    <View className='page me' id='me'>
      <View className='card me__profile' onClick={go('/packages/account/pages/profile/index')}>
        <Avatar name={me.user.nickname} url={me.user.avatarUrl} size={112} />
        <View className='me__who'>
          <Text className='me__name' id='me-name'>
            {me.user.nickname}
          </Text>
          <Text className='muted'>{me.user.phoneMasked ?? '未填写手机号'}</Text>
        </View>
        <Text className='muted'>编辑 ›</Text>
      </View>

      <View className='row'>
        <Text className='section-title'>我的房屋</Text>
        <Text className='muted' id='me-household-count'>
          {me.households.length} 套
        </Text>
      </View>
      {me.households.length === 0 ? (
        <View className='card'>
          <StateView empty='还没有绑定房屋' />
        </View>
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
            <View className='row'>
              <Text className='me__house-name'>{h.label}</Text>
              <View>
                <Text className='badge'>{RELATION_LABELS[h.relation]}</Text>
                {isCurrent ? <Text className='badge badge--accent me__current'>当前</Text> : null}
              </View>
            </View>
            <Text className='muted'>
              {h.communityName} · {formatDate(h.since)} 绑定
            </Text>
          </View>
        )
      })}

      <CellGroup>
        <Cell id='me-bind' title='绑定新房屋' description='业主输入物业发放的房屋码' extra='›' onClick={go('/packages/household/pages/bind/index')} />
        <Cell id='me-join' title='申请加入房屋' description='家人或租户，由网格管家审核' extra='›' onClick={go('/packages/household/pages/join/index')} />
        <Cell id='me-switch' title='切换社区与身份' extra={`${me.contexts.length} 个 ›`} onClick={go('/packages/account/pages/switch/index')} />
        {me.current?.role === 'resident' && me.current.householdId ? (
          <Cell
            id='me-profile'
            title='我的档案与隐私'
            description='查看、导出或删除本户档案'
            extra='›'
            onClick={go(`/packages/profile/pages/mine/index?householdId=${me.current.householdId}`)}
          />
        ) : null}
      </CellGroup>

      {staff.length > 0 ? (
        <View className='card'>
          <Text className='section-title'>工作身份</Text>
          {staff.map((c) => (
            <View key={`${c.communityId}-${c.role}`} className='list-item'>
              <Text>{c.communityName}</Text>
              <Text className='badge badge--info'>{ROLE_LABELS[c.role]}</Text>
            </View>
          ))}
        </View>
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
    </View>
  )
}
