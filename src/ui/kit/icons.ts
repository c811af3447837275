/**
 * Icons by what they mean, not by how they look: pages say `bill` or `visitor`, and this table
 * says which drawing stands for it. Most drawings are NutUI's (@nutui/icons-react-taro, named
 * here); the ones NutUI lacks (a door, a car, a calendar, ...) are drawn in kit-icons.scss in the
 * same style. All are CSS masks over the text colour: `npm run make:icons` copies NutUI's
 * drawings into nut-icons.scss, rounded, so the main package carries paths, not icon components.
 */
export const NUT_ICON_SOURCES = {
  home: 'Home',
  user: 'User',
  bill: 'Order',
  pay: 'Wallet',
  visitor: 'UserAdd',
  ticket: 'Coupon',
  order: 'List2',
  gift: 'Gift',
  coupon: 'Coupon',
  card: 'ToPay',
  points: 'StarF',
  service: 'Service',
  repair: 'Repairman',
  complaint: 'Complaint',
  notice: 'Notice',
  phone: 'Phone',
  location: 'Location',
  time: 'Clock',
  scan: 'Scan',
  share: 'Share',
  poster: 'Image',
  edit: 'Edit',
  add: 'Add',
  minus: 'Minus',
  check: 'Check',
  close: 'Close',
  'arrow-right': 'ArrowRight',
  'arrow-left': 'ArrowLeft',
  'arrow-down': 'ArrowDown',
  search: 'Search',
  filter: 'Filter',
  star: 'Star',
  thumb: 'Fabulous',
  task: 'List',
  warning: 'LogisticsError',
  info: 'Tips',
  success: 'Success',
  refund: 'Refund',
  receipt: 'OrderF',
  setting: 'Setting',
  switch: 'ArrowTransfer',
  photo: 'Photograph',
  delivery: 'Transit',
  store: 'Store',
  delete: 'Del',
  copy: 'Copy',
  view: 'Eye'
} as const

/** Drawn by the kit (kit-icons.scss): NutUI has nothing that reads as these. */
export const OWN_ICONS = ['door', 'event', 'cleaning', 'calendar', 'chart', 'team', 'grid', 'elder'] as const

export type IconName = keyof typeof NUT_ICON_SOURCES | (typeof OWN_ICONS)[number]

export const ICON_NAMES: readonly IconName[] = [...(Object.keys(NUT_ICON_SOURCES) as (keyof typeof NUT_ICON_SOURCES)[]), ...OWN_ICONS]
