import { Button as TaroButton, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Icon } from '../../ui/kit'
import './index.scss'

/** The mini-program's own chat with the office, where WeChat's customer-service session is not available (H5). */
const CHAT_PAGE = '/packages/service/pages/contact/index'

/**
 * 联系客服: inside WeChat the platform's customer-service session (`open-type="contact"`), whose
 * messages WeChat pushes to the `desk` function and 客服 answer from the console; elsewhere the
 * mini-program's own chat page, which lands in the same place.
 */
export function ContactButton({ id, text = '联系客服' }: { id: string; text?: string }) {
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <TaroButton id={id} className='contact-btn' openType='contact' sessionFrom='linli'>
        <Icon name='service' size='s' />
        <Text className='contact-btn__text'>{text}</Text>
      </TaroButton>
    )
  }
  return (
    <View id={id} className='contact-btn' hoverClass='contact-btn--pressed' onClick={() => void Taro.navigateTo({ url: CHAT_PAGE })}>
      <Icon name='service' size='s' />
      <Text className='contact-btn__text'>{text}</Text>
    </View>
  )
}
