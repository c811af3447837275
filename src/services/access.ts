/** Where a visitor invitation's share card (or, in H5, its link) takes the visitor. */
export const VISITOR_PAGE = '/packages/access/pages/visitor/index'

/** The token is the authority; the community lets a cold link open in the right place. */
export const visitorPath = (token: string, communityId: string) => `${VISITOR_PAGE}?t=${token}${communityId ? `&communityId=${communityId}` : ''}`
