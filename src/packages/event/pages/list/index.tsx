import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { api, useSession } from '../../../../client'
import { answerFor } from '../../../../utils/answer-for'
import { Cell, CellGroup, Segmented, type SegmentedOption } from '../../../../ui/kit'
import { Button } from '../../../../ui/nut'
import { EmptyState, LoadingState, PageShell, useQuery } from '../../../../ui/shell'
import { EventCard } from '../../components/EventCard'
import { eventLink } from '../../links'
import type { EventView } from '../../types'
import '../../event.scss'

type When = 'upcoming' | 'past'
const WHENS: SegmentedOption<When>[] = [{ value: 'upcoming', label: '即将开始' }, { value: 'past', label: '往期活动' }]
const go = (url: string) => void Taro.navigateTo({ url })

/** Residents browse and open events; staff manage them; verifiers pick one to check in. */
export default function EventListPage() {
  const { params } = useRouter()
  const { me } = useSession()
  const [when, setWhen] = useState<When>('upcoming')
  const q = useQuery(() => answerFor(when, api.event.list({ when })), [when])
  const role = me?.current?.role ?? 'resident'
  const communityId = params.communityId ?? me?.current?.communityId

  const open = (e: EventView) => {
    if (role === 'staff') go(eventLink('signups', e.communityId, { id: e.id }))
    else if (role === 'verifier') go(eventLink('checkin', e.communityId, { id: e.id }))
    else go(eventLink('detail', e.communityId, { id: e.id }))
  }
  const create = () => go(eventLink('edit', communityId))
  return (
    <PageShell id='event-list' query={q}>
      {({ choice, value }) => (
        <>
          <Segmented<When> id='tab' value={when} options={WHENS} onChange={setWhen} />
          {role === 'staff' ? (
            <Button id='event-create' block type='primary' className='ev-create' onClick={create}>
              创建活动
            </Button>
          ) : null}
          {role === 'resident' ? (
            <CellGroup>
              <Cell id='go-mine' icon='ticket' title='我的活动' desc='电子票、候补进度和活动奖励' onClick={() => go(eventLink('mine', communityId))} />
            </CellGroup>
          ) : null}
          {choice !== when ? (
            <LoadingState />
          ) : value.events.length === 0 ? (
            when === 'upcoming' ? (
              <EmptyState
                title='近期还没有活动'
                hint={role === 'staff' ? '创建一场活动，发布后住户就能报名' : '新活动发布后会出现在这里，也可以看看往期活动'}
                action={role === 'staff' ? { text: '创建活动', onClick: create } : { text: '看看往期活动', onClick: () => setWhen('past') }}
              />
            ) : (
              <EmptyState title='还没有往期活动' hint='办过的活动结束后会留在这里' action={{ text: '回到即将开始', onClick: () => setWhen('upcoming') }} />
            )
          ) : (
            value.events.map((e) => <EventCard key={e.id} e={e} onClick={() => open(e)} />)
          )}
        </>
      )}
    </PageShell>
  )
}
