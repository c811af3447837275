import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { TRAINING_LINES, TRAINING_LINE_LABELS } from '@contracts/training-labels'
import { api } from '../../../../client'
import { Cell, CellGroup, Chip } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import { courseChip, progressText } from '../../course-progress'
import { courseLink } from '../../links'
import '../../butler.scss'

/** 培训课程: the community's published courses by business line, each with the butler's progress, best score and certificate. */
export default function CoursesPage() {
  const q = useQuery(() => api.training.myCourses({}), [])

  return (
    <PageShell
      id='courses-page'
      query={q}
      empty={(d) => (d.items.length === 0 ? { title: '还没有培训课程', hint: '物业运营发布课程后会出现在这里，学完并通过测验即可获得证书' } : null)}
    >
      {(data) => (
        <>
          <View className='hero'>
            <Text className='hero-title'>培训课程</Text>
            <Text className='hero-sub'>
              共 {data.items.length} 门，已获证书 {data.items.filter((c) => c.progress.certificate).length} 张
            </Text>
          </View>
          {TRAINING_LINES.map((line) => {
            const courses = data.items.filter((c) => c.line === line)
            if (courses.length === 0) return null
            return (
              <CellGroup key={line} id={`line-${line}`} title={TRAINING_LINE_LABELS[line]}>
                {courses.map((c) => {
                  const chip = courseChip(c.progress)
                  return (
                    <Cell
                      key={c.id}
                      id={`course-${c.id}`}
                      thumb={c.cover}
                      icon='task'
                      title={c.title}
                      desc={
                        <>
                          <View className='bt-line'>{progressText(c.progress, c.passPercent)}</View>
                          <View className='bt-badges'>
                            {c.requiredFor ? <Chip text='必修' tone='danger' /> : null}
                            <Chip id={`course-${c.id}-status`} text={chip.text} tone={chip.tone} />
                          </View>
                        </>
                      }
                      onClick={() => void Taro.navigateTo({ url: courseLink(c.id) })}
                    />
                  )
                })}
              </CellGroup>
            )
          })}
        </>
      )}
    </PageShell>
  )
}
