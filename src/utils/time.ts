import dayjs from 'dayjs'

/** Times are stored as UTC epoch ms and always shown in Asia/Shanghai (UTC+8, no DST). */
const SHANGHAI_OFFSET_MIN = 8 * 60

export function shanghai(ms: number) {
  return dayjs(ms).add(SHANGHAI_OFFSET_MIN + dayjs(ms).utcOffset() * -1, 'minute')
}

export function formatDate(ms: number): string {
  return shanghai(ms).format('YYYY-MM-DD')
}

export function formatDateTime(ms: number): string {
  return shanghai(ms).format('YYYY-MM-DD HH:mm')
}
