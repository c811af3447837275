import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { api, goHome, useSession } from '../../../../client'
import { ButtonRow, Icon, Price, Section } from '../../../../ui/kit'
import { Button } from '../../../../ui/nut'
import { PageShell, useQuery } from '../../../../ui/shell'
import { parkingLink } from '../../../parking/links'
import { backTo, feeLink, paidForLink } from '../../links'
import { SUBJECT, isPending, paymentTitle, resultHeading, resultNote } from '../../payment-text'
import '../../fee.scss'

/** The cashier's own callback is not proof: the server's word (notification or order query) is. */
const POLL_MS = 1000
const GIVE_UP_MS = 20_000

export default function ResultPage() {
  const { params } = useRouter()
  const { me } = useSession()
  const paymentId = decodeURIComponent(params.paymentId ?? '')
  const communityId = params.communityId ? decodeURIComponent(params.communityId) : me?.current?.communityId
  // A driver paid at a lot's exit (maybe living elsewhere): the payment is theirs, not a home's.
  const driverLot = params.driver === '1' && params.lotId ? decodeURIComponent(params.lotId) : null
  const q = useQuery(() => (driverLot ? api.pay.driverPayment({ paymentId }) : api.pay.get({ paymentId })), [paymentId, driverLot], { enabled: paymentId !== '' })
  const [waitedOut, setWaitedOut] = useState(false)
  const started = useRef(Date.now())
  useDidShow(() => {
    started.current = Date.now()
  })

  // Asks again every second while the answer is pending (also after a failed ask), for up to 20 s each time the page is shown.
  const pending = q.data !== null && isPending(q.data.status)
  useEffect(() => {
    if (!pending) return undefined
    if (Date.now() - started.current >= GIVE_UP_MS) {
      setWaitedOut(true)
      return undefined
    }
    const t = setTimeout(() => void q.reload(), POLL_MS)
    return () => clearTimeout(t)
  }, [pending, q.data, q.error, q.reload])

  return (
    <PageShell id='result-page' query={q}>
      {(p) => {
        const subject = SUBJECT[p.paidFor.type]
        const tone = p.status === 'paid' ? 'ok' : isPending(p.status) ? 'wait' : 'bad'
        const note = resultNote(p, waitedOut)
        const view = subject.view
        const target = driverLot ? parkingLink('pay', communityId, { lotId: driverLot }) : paidForLink(p.paidFor, communityId)
        return (
          <>
            <Section className='result'>
              <View className={`result__mark result__mark--${tone}`}>
                <Icon name={tone === 'ok' ? 'success' : tone === 'wait' ? 'time' : 'warning'} size='xl' color='white' />
              </View>
              <Text className='section-title' id='result-status'>
                {resultHeading(p, waitedOut)}
              </Text>
              <Text className='muted' id='result-subject'>
                {p.paidFor.label} · {paymentTitle(p.lines)}
              </Text>
              <Price fen={p.totalFen} size='l' />
              {note ? <Text className='muted result__note'>{note}</Text> : null}
            </Section>
            <ButtonRow stacked>
              {p.status === 'paid' ? (
                <>
                  {view ? (
                    <Button id={view.id} type='primary' block onClick={() => backTo(target)}>
                      {view.label}
                    </Button>
                  ) : null}
                  {driverLot ? null : (
                    <Button id='go-receipt' type='primary' fill={view ? 'outline' : 'solid'} block onClick={() => void Taro.redirectTo({ url: feeLink('receipt', communityId, { paymentId: p.id }) })}>
                      查看电子收据
                    </Button>
                  )}
                  <Button id='go-home' fill='outline' type='primary' block onClick={goHome}>
                    返回首页
                  </Button>
                </>
              ) : (
                <Button id='go-back' fill='outline' type='primary' block onClick={() => backTo(target)}>
                  {subject.back}
                </Button>
              )}
            </ButtonRow>
          </>
        )
      }}
    </PageShell>
  )
}
