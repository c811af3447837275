import type { InputOf, OutputOf } from '@contracts/registry'

export type MyProfile = OutputOf<'insights.myProfile'>
export type Profile = MyProfile['profile']
export type ProfileFields = InputOf<'insights.saveProfile'>['profile']
