import { Text, View } from '@tarojs/components'
import type { TallyView } from '@contracts/message-votes'
import { VOTE_OUTCOME_LABELS } from '@contracts/vote-rules'
import { Section } from '../../../ui/kit'
import { areaText } from '../links'

type Fig = TallyView['participationArea']

const pct = (f: Fig) => (f.whole === 0 ? '0%' : `${((f.part / f.whole) * 100).toFixed(1)}%`)

function Figure({ name, figure, unit, id }: { name: string; figure: Fig; unit: (n: number) => string; id: string }) {
  return (
    <View className='vt-figure' id={id}>
      <View className='vt-figure__head'>
        <Text className='vt-figure__name'>{name}</Text>
        <Text className={`vt-figure__value vt-figure__value--${figure.met ? 'met' : 'short'}`}>
          {pct(figure)} · {figure.met ? '达到' : '未达到'}
        </Text>
      </View>
      <Text className='vt-figure__line'>
        {unit(figure.part)} / {unit(figure.whole)}，需{figure.threshold}
      </Text>
      <View className='vt-bar'>
        <View className={`vt-bar__fill${figure.met ? '' : ' vt-bar__fill--short'}`} style={{ width: `${figure.whole ? Math.min(100, (figure.part / figure.whole) * 100) : 0}%` }} />
      </View>
    </View>
  )
}

const owners = (n: number) => `${n} 人`

/** The published result: participation by area and by head against 2/3, then each option's two figures against the rule. */
export function Tally({ tally }: { tally: TallyView }) {
  return (
    <>
      <Section title='表决结果' id='vote-tally'>
        <Text className={`vt-outcome vt-outcome--${tally.outcome}`} id='vote-outcome'>
          {VOTE_OUTCOME_LABELS[tally.outcome]}
          {tally.outcome === 'passed' && tally.chosen !== null ? `：${tally.options[tally.chosen]?.label ?? ''}` : ''}
        </Text>
        <Figure id='tally-area' name='参与表决的专有面积' figure={tally.participationArea} unit={areaText} />
        <Figure id='tally-head' name='参与表决的业主人数' figure={tally.participationHeadcount} unit={owners} />
      </Section>
      {tally.options.map((o) => (
        <Section key={o.option} title={`「${o.label}」`} id={`tally-option-${o.option}`}>
          <Figure id={`tally-option-${o.option}-area`} name='占参与表决面积' figure={o.area} unit={areaText} />
          <Figure id={`tally-option-${o.option}-head`} name='占参与表决人数' figure={o.headcount} unit={owners} />
        </Section>
      ))}
    </>
  )
}
