/** Skills: a worker is assigned lines of the categories they have. `housekeeping` is the service cards' scope. */
export const SERVICE_CATEGORIES = ['housekeeping', 'appliance', 'plumbing', 'electric'] as const
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number]
export const SERVICE_CATEGORY_LABELS: Record<ServiceCategory, string> = {
  housekeeping: '家政保洁',
  appliance: '家电维修',
  plumbing: '管道疏通',
  electric: '水电维修'
}
