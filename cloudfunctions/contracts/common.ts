import * as z from 'zod'
import { zhCN } from 'zod/locales'
import { RELATIONS, ROLES } from './roles'

// Field errors reach residents verbatim, so zod speaks Chinese on both sides of the wire.
z.config(zhCN())

/** Ids are opaque strings made by the server; the bound keeps a hostile payload small. */
export const Id = z.string().trim().min(1, '不能为空').max(64, '过长')
export const EpochMs = z.number().int().nonnegative()
export const Empty = z.object({}).strict()
export const Ok = z.object({ done: z.literal(true) })

export const RoleSchema = z.enum(ROLES)
export const RelationSchema = z.enum(RELATIONS)
