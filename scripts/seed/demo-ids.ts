/** The demo communities' ids, shared by every seed module. */
export const COMMUNITY_A = 'c-linyuan'
export const COMMUNITY_B = 'c-hexie'
