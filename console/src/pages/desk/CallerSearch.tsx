import { useState } from 'react'
import { Button, Input, Tag } from 'tdesign-react'
import { SearchIcon, UserIcon } from 'tdesign-icons-react'
import { MATCH_LABELS, type HouseholdHitT } from '@contracts/desk-find'
import { RELATION_LABELS } from '@contracts/roles'
import { navigate } from '../../router'
import { api } from '../../client/api'

/**
 * Finding who is calling: a room, the number on the phone's screen (masked or whole) or its last
 * four digits, the owner's name, or a plate. Each hit says what matched, so the clerk confirms it
 * with the caller before logging anything.
 */
export function CallerSearch({ selected, onSelect, profileLink = true }: { selected: HouseholdHitT | null; onSelect: (h: HouseholdHitT) => void; profileLink?: boolean }) {
  const [q, setQ] = useState('')
  const [hits, setHits] = useState<HouseholdHitT[] | null>(null)
  const [hint, setHint] = useState('')
  const [busy, setBusy] = useState(false)

  const find = async () => {
    setBusy(true)
    const r = await api.desk.find({ q })
    setBusy(false)
    if (!r.ok) {
      setHits(null)
      setHint(r.error.fields?.[0]?.message ? `${r.error.message}` : r.error.message)
      return
    }
    setHits(r.data.households)
    setHint(r.data.households.length === 0 ? `没有找到「${q}」，请换房号、手机号或姓名再试` : r.data.truncated ? '结果较多，只列出前 20 户，请输入更完整的房号或手机号' : '')
    if (r.data.households.length === 1 && r.data.households[0]) onSelect(r.data.households[0])
  }

  return (
    <div className='caller'>
      <div className='cell-inline'>
        <Input
          name='desk-q'
          size='large'
          value={q}
          onChange={(v) => setQ(String(v))}
          onEnter={() => void find()}
          placeholder='房号（3栋1201）、来电号码（138****8000 或尾号）、姓名、车牌'
          prefixIcon={<SearchIcon />}
          clearable
        />
        <Button id='desk-find' size='large' theme='primary' loading={busy} onClick={() => void find()}>
          查找
        </Button>
      </div>
      {hint ? <div className='caller__hint'>{hint}</div> : null}
      {hits?.length ? (
        <ul className='caller__hits'>
          {hits.map((h) => (
            <li key={h.householdId} className={`caller__hit${selected?.householdId === h.householdId ? ' caller__hit--on' : ''}`}>
              <button type='button' className='caller__pick' onClick={() => onSelect(h)}>
                <strong>{h.label}</strong>
                {h.matched.map((m) => (
                  <Tag key={m} size='small' theme='primary' variant='light'>
                    {MATCH_LABELS[m]}
                  </Tag>
                ))}
                <span className='caller__members'>
                  {h.members.length === 0 ? (
                    <span className='muted'>暂无登记住户</span>
                  ) : (
                    h.members.map((m, i) => (
                      <span key={i} className='caller__member'>
                        <UserIcon size='14px' /> {m.name}
                        {m.relation ? `（${RELATION_LABELS[m.relation]}）` : ''} {m.phoneMasked ?? ''}
                      </span>
                    ))
                  )}
                </span>
                {h.butlerName ? <span className='muted'>管家 {h.butlerName}</span> : null}
              </button>
              {profileLink ? (
                <Button size='small' variant='text' theme='primary' onClick={() => navigate(`/household/${h.householdId}`)}>
                  户档案
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
