import { Text, View } from '@tarojs/components'
import type { RewardTransferStatus } from '@contracts/reward-labels'
import { api } from '../../../../client'
import { Chip, Notice, Price, Section, type Tone } from '../../../../ui/kit'
import { PageShell, useQuery, whenEmpty } from '../../../../ui/shell'
import { formatDate } from '../../../../utils/time'
import { ClaimReward } from '../../components/ClaimReward'
import '../../../service/service.scss'

const TONES: Record<RewardTransferStatus, Tone> = { awaiting_confirm: 'accent', processing: 'info', paid: 'primary', failed: 'danger' }

/**
 * A worker's (or butler's) cash rewards from the 光荣榜: each waits for their own tap on 领取, as
 * WeChat requires, then lands in their WeChat balance.
 */
export default function RewardsPage() {
  const q = useQuery(() => api.selling.myTransfers({}), [])
  return (
    <PageShell id='rewards-page' query={q} empty={whenEmpty((d) => d.transfers, { title: '还没有现金奖励', hint: '登上光荣榜后，物业发放的现金奖励会出现在这里' })}>
      {(d) => (
        <>
          {d.transfers.some((t) => t.status === 'awaiting_confirm') ? (
            <Notice id='rewards-why'>按微信规定，现金奖励需要你本人点「领取」，并在微信弹出的页面上确认收款后才会到账；长时间不领取会被微信关闭。</Notice>
          ) : null}
          {d.transfers.map((t) => (
            <Section key={t.id} className='reward-row' title={t.title} extra={<Chip text={t.statusLabel} tone={TONES[t.status]} />}>
              <View>
                <Price fen={t.amountFen} size='l' />
              </View>
              <Text className='sv-meta'>{t.paidAt ? `${formatDate(t.paidAt)} 到账` : `${formatDate(t.createdAt)} 发放`}</Text>
              {t.failReason ? <Notice tone='warning'>{`${t.failReason}，如需补发请联系物业`}</Notice> : null}
              {t.status === 'awaiting_confirm' ? <ClaimReward transferId={t.id} amountFen={t.amountFen} onChanged={() => void q.reload()} /> : null}
            </Section>
          ))}
        </>
      )}
    </PageShell>
  )
}
