import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { api } from '../../client'
import { TransferConfirm } from '../../components/TransferConfirm'
import { toastError } from '../../services/result'

export interface ConfirmReceiptProps {
  statementId: string
  payableFen: number
  /** After the tap: the statement as the server now sees it is reloaded by the page. */
  onChanged: () => void
}

/** 确认收款 on a statement waiting for it; the page then asks the server once (selling.syncPayout), which asks WeChat Pay. */
export function ConfirmReceipt({ statementId, payableFen, onChanged }: ConfirmReceiptProps) {
  const sync = async () => {
    const r = await api.selling.syncPayout({ id: statementId })
    if (!r.ok) toastError(r.error)
    else if (r.data.status === 'paid') void Taro.showToast({ title: '佣金已到账', icon: 'success' })
    else void Taro.showToast({ title: '已确认，到账后会通知你', icon: 'none' })
    onChanged()
  }

  return (
    <View id='confirm-receipt'>
      <Text className='bt-meta' id='confirm-receipt-why'>
        按微信规定，商家转账需要你本人点「确认收款」，并在微信弹出的页面上确认后才会到账。
      </Text>
      <TransferConfirm
        buttonId='confirm-receipt-btn'
        label='确认收款'
        amountFen={payableFen}
        info={() => api.selling.confirmInfo({ id: statementId })}
        onConfirmed={sync}
        onRefused={onChanged}
      />
    </View>
  )
}
