/** `沪A·***45`: the region and the last two characters (phones: `maskPhone` in user/format.ts). */
export function maskPlate(plate: string): string {
  if (plate.length < 4) return '***'
  return `${plate.slice(0, 2)}·***${plate.slice(-2)}`
}
