import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { RELATION_LABELS } from '@contracts/roles'
import { api, refreshMe } from '../../../../client'
import { toastError } from '../../../../services/result'
import { formatDateTime } from '../../../../utils/time'
import { ButtonRow, Chip, KVList, type KVRow, Section } from '../../../../ui/kit'
import { Button } from '../../../../ui/nut'
import { PageShell, useQuery, whenEmpty } from '../../../../ui/shell'
import '../../butler.scss'

/** 入户申请审核: people asking to join a household of the butler's grid, approved or declined here. */
export default function RequestsPage() {
  const q = useQuery(() => api.user.listJoinRequests({ status: 'pending' }), [])
  const [busy, setBusy] = useState('')

  const decide = async (id: string, approve: boolean) => {
    setBusy(id)
    const r = await api.user.reviewJoinRequest({ id, approve, note: approve ? '' : '信息未能核实' })
    setBusy('')
    if (!r.ok) toastError(r.error)
    else {
      void Taro.showToast({ title: approve ? '已通过' : '已拒绝', icon: 'success' })
      // The home badges count pending requests from the session.
      void refreshMe()
    }
    await q.reload()
  }

  return (
    <PageShell
      id='requests-page'
      query={q}
      empty={whenEmpty((d) => d.requests, { title: '暂无待审核的入户申请', hint: '住户申请加入房屋后会出现在这里，通过后即可使用社区服务' })}
    >
      {({ requests }) =>
        requests.map((r) => {
          const rows: KVRow[] = [{ label: '申请加入', value: r.householdLabel }]
          if (r.phoneMasked) rows.push({ label: '手机', value: r.phoneMasked })
          if (r.note) rows.push({ label: '备注', value: r.note })
          rows.push({ label: '提交时间', value: formatDateTime(r.createdAt) })
          return (
            <Section key={r.id} id={`request-${r.id}`} title={<Text className='bt-title'>{r.applicantName}</Text>} extra={<Chip text={RELATION_LABELS[r.relation]} tone='primary' />}>
              <KVList rows={rows} />
              <ButtonRow>
                <Button fill='outline' id={`request-${r.id}-reject`} disabled={busy === r.id} onClick={() => void decide(r.id, false)}>
                  拒绝
                </Button>
                <Button type='primary' id={`request-${r.id}-approve`} loading={busy === r.id} onClick={() => void decide(r.id, true)}>
                  通过
                </Button>
              </ButtonRow>
            </Section>
          )
        })
      }
    </PageShell>
  )
}
