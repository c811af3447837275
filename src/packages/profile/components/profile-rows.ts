import { AGE_BAND_LABELS, PET_LABELS } from '@contracts/insights-labels'
import { PROFILE_FACT_LABELS, SURVEY_CHANNEL_LABELS } from '@contracts/survey-kinds'
import { formatDate } from '../../../utils/time'
import type { KVRow } from '../../../ui/kit'
import type { Profile } from '../types'

/**
 * A household profile as rows, for the resident's own page and the butler's household file. The
 * butler's file lists the cars among the contacts and has room for a member a line.
 */
export function profileRows(p: Pick<Profile, 'areaCm2' | 'moveInYear' | 'members' | 'cars' | 'pets' | 'note' | 'facts'>, show: { cars: boolean; memberSeparator: '；' | '\n' }): KVRow[] {
  const rows: KVRow[] = [
    { label: '面积', value: p.areaCm2 === null ? '未填写' : `${p.areaCm2 / 100} 平方米` },
    { label: '入住', value: p.moveInYear === null ? '未填写' : `${p.moveInYear} 年` },
    {
      label: '家庭成员',
      value: p.members.length
        ? p.members.map((m) => [m.name || '成员', m.ageBand ? AGE_BAND_LABELS[m.ageBand] : '', m.occupation].filter(Boolean).join(' · ')).join(show.memberSeparator)
        : '未填写'
    },
    ...(show.cars ? [{ label: '车辆', value: p.cars.length ? p.cars.map((c) => c.plate).join('、') : '无' }] : []),
    { label: '宠物', value: p.pets.length ? p.pets.map((x) => `${PET_LABELS[x.kind]} ${x.count} 只`).join('、') : '无' }
  ]
  if (p.note) rows.push({ label: '备注', value: p.note })
  // Survey answers the household agreed to keep, with where each came from.
  for (const f of p.facts) {
    const value = typeof f.value === 'boolean' ? (f.value ? '是' : '否') : `${f.value} 人`
    rows.push({ label: PROFILE_FACT_LABELS[f.fact], value: `${value}（来自问卷「${f.surveyTitle}」· ${SURVEY_CHANNEL_LABELS[f.channel]} · ${formatDate(f.at)}）` })
  }
  return rows
}
