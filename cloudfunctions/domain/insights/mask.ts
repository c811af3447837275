/** `138****1234`: enough to recognise a number, not to dial it. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  if (digits.length < 7) return '****'
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`
}

/** `沪A·***45`: the region and the last two characters. */
export function maskPlate(plate: string): string {
  if (plate.length < 4) return '***'
  return `${plate.slice(0, 2)}·***${plate.slice(-2)}`
}
