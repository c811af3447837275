import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { NEEDS, NEED_LABELS, type Need } from '@contracts/insights-labels'
import type { OutputOf } from '@contracts/registry'
import { api } from '../../../../client'
import { toastError } from '../../../../services/result'
import { answerFor } from '../../../../utils/answer-for'
import { pageLink } from '../../../../utils/link'
import { ButtonRow, Cell, CellGroup, Section } from '../../../../ui/kit'
import { Button } from '../../../../ui/nut'
import { LoadingState, PageShell, useQuery } from '../../../../ui/shell'
import { MEMBER_ISSUE_PATH } from '../../links'
import '../../insights-admin.scss'

type Template = OutputOf<'member.templates'>['templates'][number]

function isNeed(v: string | undefined): v is Need {
  return (NEEDS as readonly string[]).includes(v ?? '')
}

/** Operator: how many households have each need (五省), who they are and why; coupons to one need. */
export default function SegmentPage() {
  const { params } = useRouter()
  const [need, setNeed] = useState<Need>(isNeed(params.need) ? params.need : 'save_money')
  const q = useQuery(() => answerFor(need, api.insights.segment({ need })), [need])
  const [coupons, setCoupons] = useState<Template[] | null>(null)

  const pick = (n: Need) => {
    setNeed(n)
    setCoupons(null)
  }
  const chooseCoupon = async () => {
    const r = await api.member.templates()
    if (!r.ok) return toastError(r.error)
    setCoupons(r.data.templates.filter((t) => t.active && t.totalStock > t.issued))
  }
  const issue = (t: Template) => void Taro.navigateTo({ url: pageLink(MEMBER_ISSUE_PATH, { templateId: t.id, need, communityId: params.communityId }) })

  return (
    <PageShell id='ia-segment' query={q}>
      {({ choice, value: data }) => (
        <>
          <View className='ia-needs'>
            {data.sizes.map((s) => (
              <View key={s.need} id={`need-${s.need}`} className={`ia-need ${s.need === need ? 'ia-need--on' : ''}`} onClick={() => pick(s.need)}>
                <Text className='ia-need__label'>{s.label}</Text>
                <Text className='ia-need__count'>{s.count}</Text>
                <Text className='ia-note'>户</Text>
              </View>
            ))}
          </View>
          <Text className='ia-note ia-note--block'>分群按「分群规则」每晚计算；一户可同时属于多个需求。</Text>

          {choice !== need ? (
            <LoadingState />
          ) : (
            <Section
              id='segment-households'
              title={<Text id='segment-need'>{NEED_LABELS[data.need]}</Text>}
              extra={<Text id='segment-count'>共 {data.count} 户</Text>}
            >
              {data.households.length === 0 ? <Text className='ia-note'>这一需求下还没有住户：规则调整后，今晚重新计算</Text> : null}
              {data.households.map((h) => (
                <Cell key={h.householdId} id={`seg-h-${h.householdId}`} title={h.label} desc={h.because} />
              ))}
              {data.count > data.households.length ? <Text className='ia-note'>仅列出前 {data.households.length} 户</Text> : null}
            </Section>
          )}

          {coupons === null ? (
            <ButtonRow stacked>
              <Button id='segment-issue' type='primary' disabled={choice !== need || data.count === 0} onClick={() => void chooseCoupon()}>
                向该人群发券
              </Button>
            </ButtonRow>
          ) : (
            <CellGroup title='选择要发的券' id='segment-coupons'>
              {coupons.length === 0 ? <Cell icon='coupon' title='没有可发放的券' desc='请先在「会员券」中新建或补充库存' /> : null}
              {coupons.map((t) => (
                <Cell key={t.id} id={`segment-coupon-${t.id}`} icon='coupon' title={t.title} desc={`${t.label}，剩余 ${t.totalStock - t.issued} 张`} extra='发放' onClick={() => issue(t)} />
              ))}
            </CellGroup>
          )}
        </>
      )}
    </PageShell>
  )
}
