import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { AGE_BANDS, AGE_BAND_LABELS, type AgeBand, PET_KINDS, PET_LABELS, type PetKind } from '@contracts/insights-labels'
import type { Result } from '../../../client'
import { ButtonRow, Icon, Stepper } from '../../../ui/kit'
import type { Profile, ProfileFields } from '../types'
import { fieldError } from '../../../services/result'
import { Button } from '../../../ui/nut'
import './ProfileForm.scss'

interface MemberDraft {
  name: string
  ageBand: AgeBand | null
  occupation: string
}

const MAX_MEMBERS = 12
const MAX_CARS = 6
/** A member's text boxes, side by side. */
const MEMBER_TEXTS: { key: 'name' | 'occupation'; placeholder: string }[] = [
  { key: 'name', placeholder: '称呼' },
  { key: 'occupation', placeholder: '职业（选填）' }
]

/** `89.5` (square metres, up to two decimals) → 8950, as the household record stores area. */
function parseArea(text: string): number | null | 'bad' {
  const t = text.trim()
  if (!t) return null
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(t)) return 'bad'
  return Math.round(Number(t) * 100)
}

function areaText(cm2: number | null): string {
  if (cm2 === null) return ''
  return String(cm2 / 100)
}

/** Who fills the form in, with the consent they give: the resident's own, or the resident's as the butler records it. */
const FILLED_BY = {
  resident: {
    idPrefix: 'pf',
    consentText: [
      '我们收集：家庭成员的称呼、年龄段和职业（均为选填），房屋面积，入住年份，车牌号，宠物情况和备注。',
      '用途：为你推荐合适的社区服务和活动，方便网格管家为你服务；管家看到的电话和车牌默认脱敏，只有执行当天任务时才能查看完整信息，并会留下记录。',
      '你的权利：可以随时在本页查看、导出或删除这些数据；删除后我们将停止根据你的消费记录进行分析。'
    ].join('\n'),
    consentLabel: '我已阅读并同意以上个人信息收集说明'
  },
  butler: {
    idPrefix: 'hh-pf',
    consentText: '请先向住户说明：登记的家庭成员、面积、入住年份、车辆与宠物信息仅用于社区服务；住户可在「我的档案」中随时查看、导出或删除。',
    consentLabel: '住户已同意登记'
  }
} as const

/**
 * The household profile form: members (称呼, 年龄段, 职业), area, move-in year, cars, pets and a note, with the
 * consent the server requires. Used by the resident on their own profile and by the butler, who
 * records it with the resident's spoken consent.
 */
export function ProfileForm(props: {
  by: keyof typeof FILLED_BY
  initial: Profile | null
  onSubmit: (fields: ProfileFields) => Promise<Result<unknown>>
  /** Cancelled, or saved (the form has said so). */
  onClose: (saved: boolean) => void
}) {
  const by = FILLED_BY[props.by]
  const p = by.idPrefix
  const init = props.initial
  const [members, setMembers] = useState<MemberDraft[]>(() =>
    (init?.members ?? []).map((m) => ({ name: m.name, ageBand: m.ageBand, occupation: m.occupation }))
  )
  const [area, setArea] = useState(() => areaText(init?.areaCm2 ?? null))
  const [moveIn, setMoveIn] = useState(() => (init?.moveInYear ? String(init.moveInYear) : ''))
  const [cars, setCars] = useState<string[]>(() => (init?.cars ?? []).map((c) => c.plate))
  const [pets, setPets] = useState<Record<PetKind, number>>(() => {
    const out: Record<PetKind, number> = { dog: 0, cat: 0, other: 0 }
    for (const x of init?.pets ?? []) out[x.kind] += x.count
    return out
  })
  const [note, setNote] = useState(init?.note ?? '')
  const [agreed, setAgreed] = useState(false)
  const [local, setLocal] = useState<Record<string, string>>({})
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  const err = (path: string) => local[path] ?? fieldError(error, `profile.${path}`)
  const setMember = (i: number, patch: Partial<MemberDraft>) => setMembers(members.map((m, j) => (j === i ? { ...m, ...patch } : m)))

  const submit = async () => {
    const problems: Record<string, string> = {}
    const areaCm2 = parseArea(area)
    if (areaCm2 === 'bad') problems.areaCm2 = '请填写面积数字，例如 89.5'
    const moveInYear = moveIn.trim() ? Number(moveIn.trim()) : null
    const thisYear = new Date().getFullYear()
    if (moveInYear !== null && !(Number.isInteger(moveInYear) && moveInYear >= 1950 && moveInYear <= thisYear)) problems.moveInYear = `请填写 1950 到 ${thisYear} 之间的年份，例如 2015`
    cars.forEach((c, i) => {
      if (c.includes('*')) problems[`cars.${i}.plate`] = '车牌为脱敏显示，请填写完整车牌或删除该车辆'
      else if (!c.trim()) problems[`cars.${i}.plate`] = '请填写车牌或删除该车辆'
    })
    if (!agreed) problems.consent = '请先勾选同意'
    setLocal(problems)
    if (Object.keys(problems).length > 0) return
    const fields: ProfileFields = {
      members: members.map((m) => ({ name: m.name.trim(), occupation: m.occupation.trim(), ...(m.ageBand ? { ageBand: m.ageBand } : {}) })),
      ...(typeof areaCm2 === 'number' ? { areaCm2 } : {}),
      ...(moveInYear !== null ? { moveInYear } : {}),
      cars: cars.map((plate) => ({ plate: plate.trim().toUpperCase() })),
      pets: PET_KINDS.filter((k) => pets[k] > 0).map((kind) => ({ kind, count: pets[kind] })),
      note: note.trim()
    }
    setBusy(true)
    const r = await props.onSubmit(fields)
    setBusy(false)
    if (!r.ok) return setError(r.error)
    setError(null)
    void Taro.showToast({ title: '档案已保存', icon: 'success' })
    props.onClose(true)
  }

  // Errors the fields above show themselves; anything else is shown once under the form.
  const shown = (path: string) => /^profile\.(members|areaCm2|moveInYear|cars\.\d+\.plate|note)/.test(path)
  const otherError = error && !error.fields?.some((f) => shown(f.path)) ? error.message : ''
  return (
    <View id={`${p}-form`}>
      <View className='pf-field'>
        <View className='row'>
          <Text className='pf-label'>家庭成员</Text>
          {members.length < MAX_MEMBERS ? (
            <View className='pf-link' id={`${p}-add-member`} onClick={() => setMembers([...members, { name: '', ageBand: null, occupation: '' }])}>
              <Icon name='add' size='s' />
              <Text>添加成员</Text>
            </View>
          ) : null}
        </View>
        {members.length === 0 ? <Text className='pf-hint'>可只填称呼，例如“爷爷”“女儿”</Text> : null}
        {members.map((m, i) => (
          <View key={i} className='pf-member' id={`${p}-member-${i}`}>
            <View className='pf-member__head'>
              <Text className='muted'>成员 {i + 1}</Text>
              <Text className='pf-remove' onClick={() => setMembers(members.filter((_, j) => j !== i))}>
                删除
              </Text>
            </View>
            <View className='pf-row'>
              {MEMBER_TEXTS.map(({ key, placeholder }) => (
                <Input
                  key={key}
                  id={`${p}-member-${i}-${key}`}
                  className='pf-input'
                  value={m[key]}
                  maxlength={20}
                  placeholder={placeholder}
                  onInput={(e) => setMember(i, { [key]: e.detail.value })}
                />
              ))}
            </View>
            <View className='pf-chips'>
              {AGE_BANDS.map((b) => (
                <Text
                  key={b}
                  id={`${p}-member-${i}-age-${b}`}
                  className={`pf-chip ${m.ageBand === b ? 'pf-chip--on' : ''}`}
                  onClick={() => setMember(i, { ageBand: m.ageBand === b ? null : b })}
                >
                  {AGE_BAND_LABELS[b]}
                </Text>
              ))}
            </View>
            {err(`members.${i}.name`) ? <Text className='field-error'>{err(`members.${i}.name`)}</Text> : null}
            {err(`members.${i}.occupation`) ? <Text className='field-error'>{err(`members.${i}.occupation`)}</Text> : null}
          </View>
        ))}
        {err('members') ? <Text className='field-error'>{err('members')}</Text> : null}
      </View>

      <View className='pf-field'>
        <Text className='pf-label'>房屋面积（平方米）</Text>
        <Input id={`${p}-area`} className='pf-input' type='digit' value={area} maxlength={9} placeholder='例如 89.5' onInput={(e) => setArea(e.detail.value)} />
        {err('areaCm2') ? <Text className='field-error'>{err('areaCm2')}</Text> : null}
      </View>

      <View className='pf-field'>
        <Text className='pf-label'>入住年份</Text>
        <Input id={`${p}-move-in`} className='pf-input' type='number' value={moveIn} maxlength={4} placeholder='例如 2015，可不填' onInput={(e) => setMoveIn(e.detail.value)} />
        {err('moveInYear') ? <Text className='field-error'>{err('moveInYear')}</Text> : null}
      </View>

      <View className='pf-field'>
        <View className='row'>
          <Text className='pf-label'>车辆</Text>
          {cars.length < MAX_CARS ? (
            <View className='pf-link' id={`${p}-add-car`} onClick={() => setCars([...cars, ''])}>
              <Icon name='add' size='s' />
              <Text>添加车辆</Text>
            </View>
          ) : null}
        </View>
        {cars.length === 0 ? <Text className='pf-hint'>用于车位与访客停车服务，管家处默认脱敏显示</Text> : null}
        {cars.map((c, i) => (
          <View key={i} className='pf-car'>
            <View className='pf-row'>
              <Input
                id={`${p}-car-${i}`}
                className='pf-input'
                value={c}
                maxlength={10}
                placeholder='车牌号，例如 沪A12345'
                onInput={(e) => setCars(cars.map((x, j) => (j === i ? e.detail.value : x)))}
              />
              <Text className='pf-remove' onClick={() => setCars(cars.filter((_, j) => j !== i))}>
                删除
              </Text>
            </View>
            {err(`cars.${i}.plate`) ? <Text className='field-error'>{err(`cars.${i}.plate`)}</Text> : null}
          </View>
        ))}
      </View>

      <View className='pf-field'>
        <Text className='pf-label'>宠物</Text>
        {PET_KINDS.map((k) => (
          <View key={k} className='pf-pet'>
            <Text>{PET_LABELS[k]}</Text>
            <Stepper id={`${p}-pet-${k}`} value={pets[k]} min={0} max={20} onChange={(n) => setPets({ ...pets, [k]: n })} />
          </View>
        ))}
      </View>

      <View className='pf-field'>
        <Text className='pf-label'>备注（选填）</Text>
        <Textarea
          id={`${p}-note`}
          className='pf-textarea'
          value={note}
          maxlength={200}
          placeholder='例如：家中有行动不便的老人，上门请提前电话'
          onInput={(e) => setNote(e.detail.value)}
        />
        {err('note') ? <Text className='field-error'>{err('note')}</Text> : null}
      </View>

      <Text className='pf-consent-text'>{by.consentText}</Text>
      <View className='pf-consent' id={`${p}-consent`} onClick={() => {
          setAgreed(!agreed)
          if (local.consent) setLocal({ ...local, consent: '' })
        }}>
        <View className={`pf-check ${agreed ? 'pf-check--on' : ''}`}>{agreed ? <Icon name='check' size='xs' color='white' /> : null}</View>
        <Text className='pf-consent__label'>{by.consentLabel}</Text>
      </View>
      {local.consent ? <Text className='field-error'>{local.consent}</Text> : null}
      {otherError ? <Text className='field-error'>{otherError}</Text> : null}

      <ButtonRow>
        <Button fill='outline' onClick={() => props.onClose(false)}>
          取消
        </Button>
        <Button id={`${p}-submit`} type='primary' loading={busy} onClick={() => void submit()}>
          保存
        </Button>
      </ButtonRow>
    </View>
  )
}
