import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { RESULT_PATH, confirmSandbox } from '../../../../services/payment'
import { Button } from '../../../../ui/nut'
import { ButtonRow, Notice, Price } from '../../../../ui/kit'
import { PageShell } from '../../../../ui/shell'
import { pageLink } from '../../../../utils/link'
import '../../fee.scss'
import './cashier.scss'

/**
 * The local H5 build's stand-in for WeChat's payment sheet. Confirming makes the sandbox send a
 * signed, encrypted notification to the real notify handler; the result page then asks the
 * server, exactly as after wx.requestPayment.
 */
export default function CashierPage() {
  const { params } = useRouter()
  const total = Number(params.total ?? '0')
  const paymentId = params.paymentId ?? ''
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  const confirm = async () => {
    setBusy(true)
    const res = await confirmSandbox(params.prepayId ?? '')
    setBusy(false)
    if (!res.ok) return setError(res.reason ?? '支付失败，请稍后再试')
    // What the cashier was opened with (the community, a driver's lot) goes on to the result page.
    const carried = (v: string | undefined) => (v === undefined ? undefined : decodeURIComponent(v))
    void Taro.redirectTo({ url: pageLink(RESULT_PATH, { paymentId: carried(paymentId), communityId: carried(params.communityId), driver: carried(params.driver), lotId: carried(params.lotId) }) })
  }

  return (
    <PageShell id='cashier-page'>
      <View className='sheet'>
        <Text className='sheet__badge'>本地演示 · 沙箱支付（不会扣款）</Text>
        <Text className='muted'>邻里物业服务</Text>
        <View className='sheet__amount'>
          <Price fen={Number.isInteger(total) && total >= 0 ? total : 0} size='l' />
        </View>
        {error ? <Notice tone='danger'>{error}</Notice> : null}
        <View className='sheet__actions'>
          <ButtonRow stacked>
            <Button id='sandbox-confirm' type='primary' block loading={busy} onClick={() => void confirm()}>
              确认支付
            </Button>
            <Button id='sandbox-cancel' fill='outline' block onClick={() => void Taro.navigateBack()}>
              取消
            </Button>
          </ButtonRow>
        </View>
      </View>
    </PageShell>
  )
}
