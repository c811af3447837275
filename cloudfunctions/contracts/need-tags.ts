import * as z from 'zod'
import { NEEDS } from './insights-labels'

/**
 * The five needs (五省) a product, a pre-sale or a service line serves: what 为你推荐 matches
 * against the household's segments, and what a campaign's audience may be narrowed to.
 */
export const NeedTags = z.array(z.enum(NEEDS, '请选择需求')).max(NEEDS.length).refine((a) => new Set(a).size === a.length, '需求重复')
