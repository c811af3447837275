import type { OutputOf } from '@contracts/registry'

export type MemberCard = OutputOf<'member.card'>
export type Wallet = OutputOf<'member.coupons'>
export type Cards = OutputOf<'member.cards'>
export type ServiceCard = Cards['cards'][number]
export type Template = OutputOf<'member.templates'>['templates'][number]
export type Resident = OutputOf<'member.findResidents'>['residents'][number]
export type Rules = OutputOf<'member.rules'>
