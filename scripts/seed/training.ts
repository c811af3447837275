import type { CourseDoc } from '../../cloudfunctions/domain/training/docs'
import type { Store } from '../../cloudfunctions/kernel/store'
import { COMMUNITY_A } from './demo-ids'
import { demoPhoto } from './photos'

/**
 * Butler training (管家培训): one published, required course of the 严选预售 line in 临苑社区, so
 * 张管家 has something to learn and a quiz to pass before the pre-sale selling kit opens to him.
 */
export const DEMO_COURSE_ID = 'cDemoPresaleGrp1'

const DAY = 24 * 3600_000

/** Answers that pass the demo quiz (every question right), in the shape `training.submitQuiz` takes. */
export const DEMO_COURSE_RIGHT_ANSWERS = [[1], [1], [0, 1, 3], [0]]

export function buildTraining(now: number): CourseDoc[] {
  const at = now - 7 * DAY
  return [
    {
      _id: DEMO_COURSE_ID,
      communityId: COMMUNITY_A,
      line: 'presale',
      title: '严选预售：业主群开团与售后',
      summary: '从在业主群里开团、回应价格和成团的疑问，到截团后的提货与售后，三节情境课带你走完一次团购。',
      cover: demoPhoto('campaign-veg'),
      requiredFor: true,
      status: 'published',
      lessons: [
        {
          id: 'lGroupOpen01',
          title: '在业主群里开团',
          scene: '周四晚上八点，东区业主群里有位阿姨问：“周末有没有新鲜蔬菜？超市的菜不太新鲜。”',
          paragraphs: [
            '这是开团的好时机。先接住阿姨的话，再用一条消息把团购说清楚：卖的是什么、多少钱、几号截团、在哪儿取货。',
            '附上小程序里的团购卡片，别只发链接；不要连续刷屏，一条说清楚比五条提醒更有效。'
          ],
          photos: [demoPhoto('campaign-veg')],
          videoUrl: 'https://training.linli-demo.cn/videos/presale-open-group.mp4',
          checklist: ['先回应业主的问题，再介绍团购', '一条消息说清商品、价格、截团时间和取货方式', '附上小程序团购卡片，不刷屏']
        },
        {
          id: 'lGroupAnswer',
          title: '回应“太贵”和“成不了团怎么办”',
          scene: '有业主在群里说：“超市打折才四十多，这个要七十八？”另一位问：“人不够成不了团，钱怎么办？”',
          paragraphs: [
            '不和业主争价格，讲清楚差别：绿源农场当天采摘、冷链送到小区、八到十种时令菜搭配。',
            '成团规则要说准：截团时没达到起团数量，订单自动取消，货款原路退回，不需要找任何人。'
          ],
          photos: [],
          videoUrl: null,
          checklist: ['讲产地、采摘时间和冷链，不贬低超市', '说准成团规则：不成团自动原路退款', '不让业主私下转账给个人']
        },
        {
          id: 'lGroupClose1',
          title: '截团、提货与售后',
          scene: '周日截团成功，周二上午到货，自提点在物业服务中心。下午有业主说收到的青菜有几棵坏了。',
          paragraphs: [
            '截团后第一时间在群里公布成团结果、到货时间和自提点，提醒大家带好取货码。',
            '遇到坏损，先请业主拍照，登记后在约定时间内答复处理结果；不推给供应商，也不在群里争执。'
          ],
          photos: [],
          videoUrl: null,
          checklist: ['截团后公布成团结果、到货时间与自提点', '提醒业主带好取货码', '坏损先拍照登记，约定时间内答复']
        }
      ],
      questions: [
        {
          text: '在业主群里开团，第一条消息最重要的是什么？',
          kind: 'single',
          options: [
            { text: '只发小程序链接', correct: false },
            { text: '说清商品、价格、截团时间和取货方式', correct: true },
            { text: '连续发几条消息提醒大家', correct: false }
          ]
        },
        {
          text: '业主问“成不了团，钱怎么办”，正确的回答是？',
          kind: 'single',
          options: [
            { text: '成不了团钱就退不了了', correct: false },
            { text: '没达到起团数量，订单取消，货款原路退回', correct: true },
            { text: '可以先转账给管家，成团后再下单', correct: false }
          ]
        },
        {
          text: '截团以后，管家应该做哪些事？（多选）',
          kind: 'multiple',
          options: [
            { text: '在群里公布到货时间和自提点', correct: true },
            { text: '提醒业主带好取货码', correct: true },
            { text: '把下单业主的手机号发到群里方便联系', correct: false },
            { text: '有坏损及时登记并答复', correct: true }
          ]
        },
        {
          text: '业主反映收到的蔬菜有坏损，第一步应该怎么做？',
          kind: 'single',
          options: [
            { text: '请业主拍照，登记后在约定时间内答复', correct: true },
            { text: '告诉业主这是供应商的问题', correct: false },
            { text: '先不回复，免得在群里起争执', correct: false }
          ]
        }
      ],
      passPercent: 75,
      quizVersion: 1,
      requestKey: 'u-operator-wu:seed-training-presale',
      createdAt: at,
      createdBy: 'u-operator-wu',
      publishedAt: at,
      updatedAt: at,
      updatedBy: 'u-operator-wu',
      updatedByName: '吴运营'
    }
  ]
}

/** Idempotent: a course already there is left alone. */
export async function seedTraining(store: Store, now: number): Promise<{ inserted: number; skipped: number }> {
  let inserted = 0
  let skipped = 0
  for (const doc of buildTraining(now)) {
    if ((await store.insert('trainingCourses', doc)).ok) inserted++
    else skipped++
  }
  return { inserted, skipped }
}
