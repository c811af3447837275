/** The demo communities' ids and the demo's day one, shared by every seed module. */
export const COMMUNITY_A = 'c-linyuan'
export const COMMUNITY_B = 'c-hexie'
export const DEMO_T0 = Date.UTC(2026, 0, 5, 2, 0, 0)
