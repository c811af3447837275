/**
 * A message's page opens from cold (a tap in the inbox or on a subscribe message) and must act in
 * the community the message is about, whatever the reader's current one: the link carries it.
 */
export function inCommunity(link: string, communityId: string): string {
  const q = link.indexOf('?')
  const params = new URLSearchParams(q < 0 ? '' : link.slice(q + 1))
  if (params.get('communityId')) return link
  params.set('communityId', communityId)
  return `${q < 0 ? link : link.slice(0, q)}?${params.toString()}`
}
