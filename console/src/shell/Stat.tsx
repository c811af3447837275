/** One figure with its label, in a row of `.stats`. */
export function Stat({ label, value, small }: { label: string; value: string; small?: boolean }) {
  return (
    <div className='stat'>
      <div className='stat__label'>{label}</div>
      <div className={small ? 'stat__value stat__value--small' : 'stat__value'}>{value}</div>
    </div>
  )
}
