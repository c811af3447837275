/** A notice's page; the link carries the community so it opens from cold (a share, a reminder). */
export function noticeLink(id: string, communityId: string): string {
  return `/packages/message/pages/notice/index?id=${encodeURIComponent(id)}&communityId=${encodeURIComponent(communityId)}`
}
