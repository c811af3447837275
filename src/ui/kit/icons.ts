import {
  Add,
  ArrowDown,
  ArrowLeft,
  ArrowRight,
  ArrowTransfer,
  ArrowUp,
  Cart,
  Check,
  Checked,
  Clock,
  Close,
  Complaint,
  Copy,
  Coupon,
  Del,
  Edit,
  Eye,
  Fabulous,
  Feedback,
  Filter,
  Gift,
  Home,
  Image,
  List,
  List2,
  Location,
  LogisticsError,
  Message,
  Minus,
  More,
  Notice,
  Order,
  OrderF,
  Phone,
  Photograph,
  QrCode,
  Refresh,
  Refund,
  Repairman,
  Scan,
  Search,
  Service,
  Setting,
  Share,
  Star,
  StarF,
  Store,
  Success,
  Tips,
  ToPay,
  Transit,
  User,
  UserAdd,
  Wallet
} from '@nutui/icons-react-taro'
import type { FunctionComponent } from 'react'

/**
 * Icons by what they mean, not by how they look: pages say `bill` or `visitor`, and this table
 * says which drawing stands for it. Most drawings are NutUI's (@nutui/icons-react-taro); the
 * ones NutUI lacks (a door, a car, a calendar, ...) are drawn in kit-icons.scss in the same style.
 */
type NutIcon = FunctionComponent<{ className?: string }>

export const NUT_ICONS = {
  home: Home,
  user: User,
  bill: Order,
  pay: Wallet,
  qr: QrCode,
  visitor: UserAdd,
  ticket: Coupon,
  cart: Cart,
  order: List2,
  gift: Gift,
  coupon: Coupon,
  card: ToPay,
  points: StarF,
  service: Service,
  repair: Repairman,
  complaint: Complaint,
  message: Message,
  notice: Notice,
  survey: Feedback,
  vote: Checked,
  phone: Phone,
  location: Location,
  time: Clock,
  scan: Scan,
  share: Share,
  poster: Image,
  edit: Edit,
  add: Add,
  minus: Minus,
  check: Check,
  close: Close,
  'arrow-right': ArrowRight,
  'arrow-left': ArrowLeft,
  'arrow-up': ArrowUp,
  'arrow-down': ArrowDown,
  search: Search,
  filter: Filter,
  star: Star,
  thumb: Fabulous,
  task: List,
  warning: LogisticsError,
  info: Tips,
  success: Success,
  refund: Refund,
  receipt: OrderF,
  setting: Setting,
  switch: ArrowTransfer,
  photo: Photograph,
  delivery: Transit,
  store: Store,
  delete: Del,
  copy: Copy,
  more: More,
  refresh: Refresh,
  view: Eye
} satisfies Record<string, NutIcon>

/** Drawn by the kit (kit-icons.scss): NutUI has nothing that reads as these. */
export const OWN_ICONS = ['door', 'car', 'event', 'cleaning', 'calendar', 'chart', 'team', 'grid', 'download', 'elder'] as const

export type IconName = keyof typeof NUT_ICONS | (typeof OWN_ICONS)[number]

export const ICON_NAMES: readonly IconName[] = [...(Object.keys(NUT_ICONS) as (keyof typeof NUT_ICONS)[]), ...OWN_ICONS]

export function isNutIcon(name: IconName): name is keyof typeof NUT_ICONS {
  return Object.prototype.hasOwnProperty.call(NUT_ICONS, name)
}
