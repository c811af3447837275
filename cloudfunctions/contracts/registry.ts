import type { z } from 'zod'
import type { ActionContract } from './define'
import { userContracts } from './user'
import { accessContracts } from './access'
import { payContracts } from './pay'
import { payCashContracts } from './pay-cash'
import { feeContracts } from './fee'
import { eventContracts } from './event'
import { orderContracts } from './order'
import { memberContracts } from './member'
import { bookingContracts } from './booking'
import { insightsContracts } from './insights'
import { officeContracts } from './office'
import { messageContracts } from './message'
import { deskContracts } from './desk'
import { parcelContracts } from './parcel'
import { parkingContracts } from './parking'
import { sellingContracts } from './selling'
import { trainingContracts } from './training'

/**
 * Every action of every function, keyed by `fn.name`. Tests enumerate this; the typed client and
 * the handlers take their types from it. A function's contracts are added here when it lands.
 */
export const functionContracts = {
  user: userContracts,
  access: accessContracts,
  pay: { ...payContracts, ...payCashContracts },
  fee: feeContracts,
  event: eventContracts,
  order: orderContracts,
  member: memberContracts,
  booking: bookingContracts,
  insights: insightsContracts,
  office: officeContracts,
  message: messageContracts,
  parcel: parcelContracts,
  desk: deskContracts,
  parking: parkingContracts,
  training: trainingContracts,
  selling: sellingContracts
} as const

type Flatten<T> = {
  [F in keyof T]: { [A in keyof T[F]]: T[F][A] extends ActionContract ? T[F][A] : never }[keyof T[F]]
}[keyof T]

export type AnyContract = Flatten<typeof functionContracts>
export type ActionId = AnyContract['id']
export type ContractOf<Id extends ActionId> = Extract<AnyContract, { id: Id }>
export type InputOf<Id extends ActionId> = z.input<ContractOf<Id>['input']>
export type ParsedInputOf<Id extends ActionId> = z.output<ContractOf<Id>['input']>
export type OutputOf<Id extends ActionId> = z.output<ContractOf<Id>['output']>
export type FunctionName = keyof typeof functionContracts

export const allContracts: readonly ActionContract[] = Object.values(functionContracts).flatMap(
  (fn) => Object.values(fn) as ActionContract[]
)
