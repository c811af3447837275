import type { Ports } from '../../kernel/ports'

/**
 * Merchant order numbers: 6-32 chars of [0-9A-Za-z_-] per WeChat Pay. A Shanghai date prefix
 * keeps them sortable and readable on bank statements; the rest is random.
 */
export function newTradeNo(ports: Ports, prefix: 'P' | 'R'): string {
  const day = new Date(ports.clock.now() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '')
  return `${prefix}${day}${ports.random.code(14, '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ')}`
}

export const PAYMENT_WINDOW_MS = 15 * 60_000
