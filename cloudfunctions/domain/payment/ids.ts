import type { Ports } from '../../kernel/ports'
import { shanghaiDay } from '../../contracts/shanghai'

/**
 * Merchant order numbers: 6-32 chars of [0-9A-Za-z_-] per WeChat Pay. A Shanghai date prefix
 * keeps them sortable and readable on bank statements; the rest is random.
 */
export function newTradeNo(ports: Ports, prefix: 'P' | 'R' | 'C'): string {
  const day = shanghaiDay(ports.clock.now()).replace(/-/g, '')
  return `${prefix}${day}${ports.random.code(14, '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ')}`
}

export const PAYMENT_WINDOW_MS = 15 * 60_000
