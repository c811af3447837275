import type { HouseholdPart } from '../../contracts/desk-household'
import type { Part } from './household-part'
import { bills, bookings, cards, coupons, orders, ratings } from './household-parts-money'
import { access, parcels, visitors } from './household-parts-door'
import { chat, complaints, followUps, surveys, workOrders } from './household-parts-service'

/** Every part of the household file, each one indexed and paged query of its own. */
export const PARTS: Record<HouseholdPart, Part> = {
  bills,
  orders,
  bookings,
  workOrders,
  complaints,
  ratings,
  access,
  visitors,
  parcels,
  surveys,
  followUps,
  coupons,
  cards,
  chat
}
