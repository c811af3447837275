import { Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import type { OutputOf } from '@contracts/registry'
import { KIT_KIND_LABELS, SCRIPT_CHANNELS, SCRIPT_CHANNEL_LABELS } from '@contracts/selling-labels'
import { TRAINING_LINE_LABELS } from '@contracts/training-labels'
import { api, useSession } from '../../../../client'
import { ShareButton } from '../../../../components/ShareSheet'
import { newRequestId } from '../../../../services/request-id'
import { toastError } from '../../../../services/result'
import { formatFen } from '../../../../utils/money'
import { formatDate, formatDateTime, timeRangeText } from '../../../../utils/time'
import { ButtonRow, Cell, CellGroup, Chip, KVList, type KVRow, Notice, Section } from '../../../../ui/kit'
import { Button } from '../../../../ui/nut'
import { PageShell, useQuery } from '../../../../ui/shell'
import { courseLink, sellDetailLink } from '../../links'
import '../../butler.scss'

type Kit = Extract<OutputOf<'selling.kit'>, { open: true }>
type Facts = Kit['facts']
type Today = Kit['today']

const go = (url: string) => void Taro.navigateTo({ url })
const yuan = (fen: number) => formatFen(fen, { trimZeros: true })

/** The key facts as the butler repeats them to neighbours, read from the campaign or event now. */
function factRows(f: Facts): KVRow[] {
  if (f.kind === 'event') {
    return [
      { label: '活动时间', value: timeRangeText(f.startAt, f.endAt) },
      { label: '地点', value: f.venue },
      { label: '剩余名额', value: f.seatsLeft > 0 ? `${f.seatsLeft} 个` : '已满，可排队候补' },
      { label: '报名截止', value: formatDateTime(f.signupClosesAt) }
    ]
  }
  const price = f.minPriceFen === f.maxPriceFen ? yuan(f.minPriceFen) : `${yuan(f.minPriceFen)} – ${yuan(f.maxPriceFen)}`
  return [
    { label: '价格', value: f.originalFen > f.maxPriceFen ? `${price}（原价 ${yuan(f.originalFen)}）` : price },
    { label: '截止时间', value: formatDateTime(f.endAt) },
    { label: '成团', value: f.threshold === null ? '无门槛' : `满 ${f.threshold} ${f.unit}成团，已付款 ${f.paidQuantity} ${f.unit}` },
    { label: '剩余库存', value: `${f.remaining} ${f.unit}` },
    { label: f.deliveryMode === 'door' ? '送货上门' : '自提', value: f.deliveryMode === 'door' ? `${formatDate(f.deliveryDate)} 管家送货上门` : `${formatDate(f.deliveryDate)} 到${f.pickupName ?? '自提点'}自提` }
  ]
}

/** The line under the share card's title. */
function cardLine(f: Facts): string {
  return f.kind === 'event' ? `${timeRangeText(f.startAt, f.endAt)} · ${f.venue}` : `${yuan(f.minPriceFen)} 起，${formatDateTime(f.endAt)} 截止`
}

/**
 * One campaign's or event's selling kit. Behind the line's required courses: until they are
 * passed it lists them. Copying a script and opening the poster are recorded for the daily tasks;
 * preparing the share card is recorded by the server itself (order.share / event.shareInvite).
 */
export default function KitPage() {
  const { params } = useRouter()
  const kind = params.kind === 'event' ? 'event' : 'campaign'
  const refId = decodeURIComponent(params.id ?? '')
  const { me } = useSession()
  const communityId = params.communityId ?? me?.current?.communityId
  const q = useQuery(() => api.selling.kit({ kind, refId }), [kind, refId])
  const [share, setShare] = useState<{ path: string; cover: string | null } | null>(null)
  const [preparing, setPreparing] = useState(false)

  useShareAppMessage(() => ({ title: q.data ? q.data.title : '邻里严选', path: share?.path ?? sellDetailLink(kind, refId, communityId) }))

  // Today's counts live in the kit as loaded, so a reload on return (from the poster) keeps them right.
  const withToday = (f: (t: Today) => Today) => {
    const shown = q.data
    if (!shown) return
    q.setData((now) => {
      const k = now ?? shown
      return k.open ? { ...k, today: f(k.today) } : k
    })
  }

  const record = async (what: 'copy_script' | 'poster', scriptId?: string) => {
    const r = await api.selling.recordUse({ kind, refId, what, ...(scriptId ? { scriptId } : {}), clientRequestId: newRequestId() })
    if (r.ok) withToday(() => r.data.today)
    return r
  }

  const copy = async (scriptId: string, text: string) => {
    await Taro.setClipboardData({ data: text })
    const r = await record('copy_script', scriptId)
    if (!r.ok) return toastError(r.error)
    void Taro.showToast({ title: '已复制，去微信粘贴发送', icon: 'none' })
  }

  const prepareShare = async () => {
    setPreparing(true)
    const r = kind === 'campaign' ? await api.order.share({ campaignId: refId }) : await api.event.shareInvite({ eventId: refId })
    setPreparing(false)
    if (!r.ok) return toastError(r.error)
    setShare({ path: r.data.path, cover: r.data.cover })
    withToday((t) => ({ ...t, share: t.share + 1 }))
    if (process.env.TARO_ENV === 'weapp') void Taro.showShareMenu({ withShareTicket: true, showShareItems: ['wechatFriends'] })
  }

  const openPoster = (page: string) => {
    void record('poster')
    go(page)
  }

  return (
    <PageShell id='kit-page' query={q}>
      {(data) => {
        if (!data.open) {
          return (
            <>
              <View className='hero'>
                <Text className='hero-title'>{data.title}</Text>
                <Text className='hero-sub'>{TRAINING_LINE_LABELS[data.line]} · 话术工具包</Text>
              </View>
              <Notice tone='warning'>先完成本业务线的必修课程并通过测验，即可使用话术工具包</Notice>
              <CellGroup id='kit-missing' title='待完成的必修课'>
                {data.missing.map((m) => (
                  <Cell key={m.courseId} id={`missing-${m.courseId}`} icon='task' title={m.title} desc='学完课程并通过测验' onClick={() => go(courseLink(m.courseId))} />
                ))}
              </CellGroup>
            </>
          )
        }
        const used = data.today
        return (
          <>
            <View className='hero'>
              <Text className='hero-title'>{data.title}</Text>
              <Text className='hero-sub' id='kit-today'>
                今天已复制话术 {used.copy_script} 次，分享 {used.share} 次
              </Text>
            </View>
            <Section title={`${KIT_KIND_LABELS[data.kind]}要点`} id='kit-facts'>
              <KVList rows={factRows(data.facts)} />
              {data.notes.map((n, i) => (
                <Text key={i} className='bt-meta' id={`kit-note-${i}`}>
                  · {n}
                </Text>
              ))}
            </Section>
            {SCRIPT_CHANNELS.map((channel) => {
              const scripts = data.scripts.filter((s) => s.channel === channel)
              if (scripts.length === 0) return null
              return (
                <Section key={channel} id={`kit-${channel}`} title={SCRIPT_CHANNEL_LABELS[channel]}>
                  {scripts.map((s) => (
                    <View key={s.id} className='bt-hh' id={`script-${s.id}`}>
                      <View className='bt-title-row'>
                        <Text className='bt-hh__label'>{s.title}</Text>
                        <Chip text={SCRIPT_CHANNEL_LABELS[s.channel]} tone='muted' />
                      </View>
                      <Text className='bt-text'>{s.text}</Text>
                      <ButtonRow>
                        <Button id={`copy-${s.id}`} fill='outline' type='primary' onClick={() => void copy(s.id, s.text)}>
                          复制
                        </Button>
                      </ButtonRow>
                    </View>
                  ))}
                </Section>
              )
            })}
            <Section title='分享给邻居' id='kit-share'>
              <Text className='bt-meta'>生成你的专属卡片发到业主群，邻居从卡片进入会记在你名下。</Text>
              <ButtonRow stacked>
                {share ? (
                  <ShareButton id='kit-share-send' text='分享到微信群' content={{ title: data.title, path: share.path, description: cardLine(data.facts), image: share.cover }} />
                ) : (
                  <Button id='kit-share-prepare' type='primary' loading={preparing} onClick={() => void prepareShare()}>
                    生成我的分享卡片
                  </Button>
                )}
                <Button id='kit-poster' fill='outline' type='primary' onClick={() => openPoster(data.posterPage)}>
                  生成海报（朋友圈 / 张贴）
                </Button>
              </ButtonRow>
            </Section>
          </>
        )
      }}
    </PageShell>
  )
}
