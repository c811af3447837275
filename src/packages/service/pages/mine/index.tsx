import Taro, { useRouter } from '@tarojs/taro'
import { api } from '../../../../client'
import { CellList, Chip } from '../../../../ui/kit'
import { PageShell, useQuery, whenEmpty } from '../../../../ui/shell'
import { shanghai } from '../../../../utils/time'
import { bookingHead } from '../../line-cell'
import { type Booking, serviceLink } from '../../types'
import '../../service.scss'

function status(b: Booking) {
  if (b.canRate) return <Chip text='待评价' tone='accent' />
  if (b.canPay) return <Chip text={b.status === 'held' ? '待支付' : '待付款'} tone='danger' />
  const tone = b.status === 'done' || b.status === 'cancelled' || b.status === 'expired' ? 'muted' : 'primary'
  return <Chip text={b.statusLabel} tone={tone} />
}

/** The household's bookings and repair requests, newest first, each opening its progress. */
export default function MyBookingsPage() {
  const { params } = useRouter()
  const communityId = params.communityId
  const q = useQuery(() => api.booking.mine({}), [])
  return (
    <PageShell
      id='my-bookings'
      query={q}
      empty={whenEmpty((d) => d.bookings, { title: '还没有预约或报修', hint: '保洁、家电清洗、上门维修都可以在线预约，师傅按约定时段上门', action: { text: '去看看到家服务', onClick: () => void Taro.redirectTo({ url: serviceLink('list', {}, communityId) }) } })}
    >
      {(d) => (
        <CellList
          items={d.bookings}
          idPrefix='mine'
          row={(b) => ({
            ...bookingHead(b),
            desc: [shanghai(b.slotStart).format('M月D日 HH:mm'), b.householdLabel, b.worker ? b.worker.name : '等待派单'].join(' · '),
            extra: status(b),
            onClick: () => void Taro.navigateTo({ url: serviceLink('booking', { id: b.id }, communityId) })
          })}
        />
      )}
    </PageShell>
  )
}
