import { deskBookingContracts } from './desk-booking'
import { deskChatContracts } from './desk-chat'
import { deskFindContracts } from './desk-find'
import { deskHouseholdContracts } from './desk-household'
import { deskOrderContracts } from './desk-order'
import { deskWorkContracts } from './desk-work'

/**
 * The service desk (客服台): finding a household, work orders with SLA timers, 微信客服
 * conversations and the household 360. Parcels are their own function (`parcel`).
 */
export const deskContracts = { ...deskFindContracts, ...deskWorkContracts, ...deskChatContracts, ...deskHouseholdContracts, ...deskBookingContracts, ...deskOrderContracts }
