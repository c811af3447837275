import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/**
 * Times are stored as UTC epoch ms and always shown in Asia/Shanghai. China has no DST, so a
 * fixed +8 h from UTC is exact, whatever timezone the phone or the test machine is in.
 */
export function shanghai(ms: number) {
  return dayjs.utc(ms).add(8, 'hour')
}

export function formatDate(ms: number): string {
  return shanghai(ms).format('YYYY-MM-DD')
}

export function formatDateTime(ms: number): string {
  return shanghai(ms).format('YYYY-MM-DD HH:mm')
}
