import { useState } from 'react'
import { Button, Input, Radio } from 'tdesign-react'
import { SearchIcon } from 'tdesign-icons-react'
import { MATCH_LABELS, type HouseholdHitT } from '@contracts/desk-find'
import { api } from '../../client/api'

/**
 * The household a parcel is for, found as the desk finds callers (`desk.find`): by room
 * (`1-101`), the phone on the label or its last four digits, or the name on it.
 */
export function HouseholdPicker({ value, onChange, error }: { value: HouseholdHitT | null; onChange: (h: HouseholdHitT | null) => void; error?: string }) {
  const [q, setQ] = useState('')
  const [hits, setHits] = useState<HouseholdHitT[] | null>(null)
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)

  const find = async () => {
    setBusy(true)
    const r = await api.desk.find({ q })
    setBusy(false)
    if (!r.ok) {
      setHits(null)
      setMessage(r.error.fields?.[0]?.message ?? r.error.message)
      return
    }
    setHits(r.data.households)
    setMessage(r.data.households.length === 0 ? '没有找到，请换房号或手机号再试' : r.data.truncated ? '结果较多，只列出前面的，请输入更完整的房号或手机号' : '')
    onChange(r.data.households.length === 1 ? (r.data.households[0] ?? null) : null)
  }

  return (
    <div className='parcel-picker'>
      <div className='cell-inline'>
        <Input
          className='parcel-find'
          value={q}
          onChange={(v) => setQ(String(v))}
          onEnter={() => void find()}
          placeholder='房号（如 1-101）、手机号或尾号、姓名'
          prefixIcon={<SearchIcon />}
          style={{ width: 320 }}
        />
        <Button id='parcel-find-go' variant='outline' loading={busy} onClick={() => void find()}>
          查找房屋
        </Button>
      </div>
      {message || error ? <div className='parcel-picker__hint'>{error ?? message}</div> : null}
      {hits && hits.length > 0 ? (
        <Radio.Group className='parcel-picker__hits' value={value?.householdId ?? ''} onChange={(v) => onChange(hits.find((h) => h.householdId === v) ?? null)}>
          {hits.map((h) => (
            <Radio key={h.householdId} value={h.householdId}>
              <strong className='parcel-hit'>{h.label}</strong>
              <span className='muted'>
                {' '}
                {h.members.map((m) => [m.name, m.phoneMasked].filter(Boolean).join(' ')).join('、') || '暂无住户'} · 匹配{h.matched.map((k) => MATCH_LABELS[k]).join('、')}
              </span>
            </Radio>
          ))}
        </Radio.Group>
      ) : null}
    </div>
  )
}
