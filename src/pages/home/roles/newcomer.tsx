import Taro from '@tarojs/taro'
import { ButtonRow, Notice, Section } from '../../../ui/kit'
import { Button } from '../../../ui/nut'

/** A signed-in user with no household and no staff role: show how to get in. */
export function NewcomerHome() {
  return (
    <Section title='绑定房屋，开启社区服务' id='home-newcomer'>
      <Notice tone='info'>业主请输入物业发放的房屋码；家人或租户可接受业主邀请，或申请加入，由网格管家审核。</Notice>
      <ButtonRow>
        <Button id='go-bind' type='primary' block onClick={() => void Taro.navigateTo({ url: '/packages/household/pages/bind/index' })}>
          输入房屋码绑定
        </Button>
        <Button id='go-join' fill='outline' type='primary' block onClick={() => void Taro.navigateTo({ url: '/packages/household/pages/join/index' })}>
          我是家人或租户，申请加入
        </Button>
      </ButtonRow>
    </Section>
  )
}
