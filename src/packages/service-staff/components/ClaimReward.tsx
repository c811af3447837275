import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { api } from '../../../client'
import { TransferConfirm } from '../../../components/TransferConfirm'
import { toastError } from '../../../services/result'

export interface ClaimRewardProps {
  transferId: string
  amountFen: number
  /** After the tap: the page reloads the rewards as the server now sees them. */
  onChanged: () => void
}

/** 领取 on a cash reward waiting for it; the page then asks the server once (selling.syncMyTransfer). */
export function ClaimReward({ transferId, amountFen, onChanged }: ClaimRewardProps) {
  const sync = async () => {
    const r = await api.selling.syncMyTransfer({ transferId })
    if (!r.ok) toastError(r.error)
    else if (r.data.status === 'paid') void Taro.showToast({ title: '奖励已到账', icon: 'success' })
    else void Taro.showToast({ title: '已领取，到账后会通知你', icon: 'none' })
    onChanged()
  }

  return (
    <View id={`claim-${transferId}`}>
      <TransferConfirm
        buttonId={`claim-${transferId}-btn`}
        label='领取'
        amountFen={amountFen}
        info={() => api.selling.confirmInfo({ transferId })}
        onConfirmed={sync}
        onRefused={onChanged}
      />
    </View>
  )
}
