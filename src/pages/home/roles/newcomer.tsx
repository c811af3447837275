import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '../../../ui/nut'

/** A signed-in user with no household and no staff role: show how to get in. */
export function NewcomerHome() {
  return (
    <View className='card' id='home-newcomer'>
      <Text className='section-title'>绑定房屋，开启社区服务</Text>
      <Text className='muted'>业主请输入物业发放的房屋码；家人或租户可接受业主邀请，或申请加入由网格管家审核。</Text>
      <Button
        id='go-bind'
        className='btn-block'
        type='primary'
        block
        onClick={() => void Taro.navigateTo({ url: '/packages/household/pages/bind/index' })}
      >
        输入房屋码绑定
      </Button>
      <Button
        id='go-join'
        className='btn-block'
        fill='outline'
        type='primary'
        block
        onClick={() => void Taro.navigateTo({ url: '/packages/household/pages/join/index' })}
      >
        我是家人 / 租户，申请加入
      </Button>
    </View>
  )
}
