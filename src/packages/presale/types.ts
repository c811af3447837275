import type { OutputOf } from '@contracts/registry'

export type CampaignDetail = OutputOf<'order.campaign'>
export type Campaign = CampaignDetail['campaign']
export type Order = OutputOf<'order.get'>
export type Deliveries = OutputOf<'order.deliveries'>
export type Delivered = OutputOf<'order.deliver'>
export type Dashboard = OutputOf<'order.dashboard'>
export type Catalog = OutputOf<'order.catalog'>
export type Poster = OutputOf<'order.poster'>
export type Proposal = OutputOf<'order.proposal'>
