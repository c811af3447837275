/** `沪A·***45`: the region and the last two characters (phones: `maskPhone` in user/format.ts). */
export function maskPlate(plate: string): string {
  if (plate.length < 4) return '***'
  // One star per hidden character, so a new-energy plate (8) still reads apart from an ordinary one (7).
  return `${plate.slice(0, 2)}·${'*'.repeat(Math.max(3, plate.length - 4))}${plate.slice(-2)}`
}
