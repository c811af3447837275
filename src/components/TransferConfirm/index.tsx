import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { Result } from '../../client'
import { toastError } from '../../services/result'
import { type MerchantTransferParams, confirmSandboxTransfer, openMerchantTransfer } from '../../services/transfer'
import { ButtonRow, Notice, Price } from '../../ui/kit'
import { Button } from '../../ui/nut'
import './index.scss'

export interface TransferConfirmProps {
  /** The tap's button: its id and words (确认收款 for commission, 领取 for a reward). */
  buttonId: string
  label: string
  amountFen: number
  /** WeChat's parameters for this transfer (`selling.confirmInfo`). */
  info: () => Promise<Result<MerchantTransferParams>>
  /** After WeChat's page (or the sandbox sheet) was confirmed: the page asks the server once. */
  onConfirmed: () => Promise<void>
  /** The server would not give the parameters (paid meanwhile, closed): the page reloads. */
  onRefused: () => void
}

/**
 * The tap that collects a merchant transfer (商家转账). WeChat pays only after the payee confirms on
 * WeChat's own page (wx.requestMerchantTransfer, on a tap); the local H5 build shows the sandbox's
 * sheet instead, as the sandbox cashier stands in for the payment sheet.
 */
export function TransferConfirm({ buttonId, label, amountFen, info, onConfirmed, onRefused }: TransferConfirmProps) {
  const [busy, setBusy] = useState(false)
  const [sheet, setSheet] = useState<MerchantTransferParams | null>(null)
  const [error, setError] = useState('')

  // One tap at a time until the server has been asked: a second tap would open WeChat's page again.
  const inFlight = useRef(false)
  const run = async (work: () => Promise<void>) => {
    if (inFlight.current) return
    inFlight.current = true
    setBusy(true)
    try {
      await work()
    } finally {
      inFlight.current = false
      setBusy(false)
    }
  }

  const start = () =>
    run(async () => {
      const r = await info()
      if (!r.ok) {
        toastError(r.error)
        return onRefused()
      }
      if (process.env.TARO_ENV === 'h5') {
        setError('')
        return setSheet(r.data)
      }
      const outcome = await openMerchantTransfer(r.data)
      if (outcome === 'cancelled') return
      if (outcome === 'failed') {
        // The package may have expired or been used: the page shows where the transfer stands now.
        void Taro.showToast({ title: '没能打开微信的确认收款页面，请稍后再试', icon: 'none' })
        return onRefused()
      }
      await onConfirmed()
    })

  const confirmOnSheet = (pkg: string) =>
    run(async () => {
      const res = await confirmSandboxTransfer(pkg)
      if (!res.ok) return setError(res.reason ?? '确认失败，请稍后再试')
      setSheet(null)
      await onConfirmed()
    })

  return (
    <View>
      <ButtonRow stacked>
        <Button id={buttonId} className='transfer-confirm-btn' type='primary' block loading={busy && !sheet} onClick={() => void start()}>
          {label}
        </Button>
      </ButtonRow>
      {sheet ? (
        <View className='transfer-sheet__mask' id='transfer-sandbox-sheet'>
          <View className='transfer-sheet'>
            <Text className='transfer-sheet__badge'>本地演示 · 沙箱转账（不会真实到账）</Text>
            <Text className='muted'>邻里物业服务 向你转账</Text>
            <View className='transfer-sheet__amount'>
              <Price fen={amountFen} size='l' />
            </View>
            {error ? <Notice tone='danger'>{error}</Notice> : null}
            <View className='transfer-sheet__actions'>
              <ButtonRow stacked>
                <Button id='transfer-sandbox-confirm' type='primary' block loading={busy} onClick={() => void confirmOnSheet(sheet.package)}>
                  确认收款
                </Button>
                <Button id='transfer-sandbox-cancel' fill='outline' block onClick={() => setSheet(null)}>
                  取消
                </Button>
              </ButtonRow>
            </View>
          </View>
        </View>
      ) : null}
    </View>
  )
}
