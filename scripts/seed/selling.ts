import type { SellingKitDoc } from '../../cloudfunctions/domain/selling/kit-docs'
import type { Store } from '../../cloudfunctions/kernel/store'
import { COMMUNITY_A } from './demo-ids'
import { PRESALE_IDS } from './presale'

/**
 * The selling kit (话术工具包) of the demo vegetable box, so 张管家's kit page has something to copy.
 * Prices, the deadline and the threshold are never written here: the kit reads them from the campaign.
 */
export function buildSelling(now: number): { kits: SellingKitDoc[] } {
  const veg: SellingKitDoc = {
    _id: `campaign:${PRESALE_IDS.veg}`,
    kind: 'campaign',
    refId: PRESALE_IDS.veg,
    communityId: COMMUNITY_A,
    line: 'presale',
    scripts: [
      {
        id: 'sveggroup1',
        channel: 'group',
        title: '业主群开团',
        text: '各位邻居晚上好！本周绿源农场的有机蔬菜箱开团啦🥬 当天采摘、8-10 种时令蔬菜搭配，标准箱 68 元、家庭箱 118 元，满 20 箱成团，周六由我送货上门。需要的邻居点我发的卡片下单，未成团自动原路退款，放心拍～'
      },
      {
        id: 'sveggroup2',
        channel: 'group',
        title: '截团前提醒',
        text: '蔬菜箱明天截团啦！目前还差几箱成团，还没下单的邻居抓紧哦。家里老人不方便操作的，可以私信我帮忙下单，周六统一送到家门口。'
      },
      {
        id: 'svegdoor1',
        channel: 'door',
        title: '上门推荐',
        text: '阿姨您好，我是咱们楼的网格管家小张。这周物业和绿源农场合作做有机蔬菜箱预售，比超市便宜一些，周六我直接给您送上门，不用自己提。您扫一下这个码就能看到详情，我帮您下单也行。'
      },
      {
        id: 'svegdoor2',
        channel: 'door',
        title: '嫌贵时怎么说',
        text: '理解的，这箱菜是农场当天采摘、冷链送过来的，一箱够一家三口吃三四天，算下来一顿不到十块钱。不成团会自动退款，您先试一次，不满意下周就不订了。'
      }
    ],
    notes: ['农场为杭州绿源农场，可提供检测报告', '送货时间为周六上午 9:00-12:00', '每户限购 2 箱'],
    version: 1,
    updatedBy: 'u-operator-wu',
    updatedAt: now
  }
  return { kits: [veg] }
}

/** Idempotent: an existing kit is left alone. */
export async function seedSelling(store: Store, now: number): Promise<{ inserted: number; skipped: number }> {
  let inserted = 0
  let skipped = 0
  for (const kit of buildSelling(now).kits) {
    if ((await store.insert('sellingKits', kit)).ok) inserted++
    else skipped++
  }
  return { inserted, skipped }
}
