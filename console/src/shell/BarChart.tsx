/** One bar per point, scaled to the largest; each bar says its label and value when hovered. */
export function BarChart({ points, format, height = 180, id }: { points: readonly { label: string; value: number }[]; format: (v: number) => string; height?: number; id?: string }) {
  const max = Math.max(1, ...points.map((p) => p.value))
  // Labels under every bar crowd a month; every few are enough to read the dates by.
  const every = Math.max(1, Math.ceil(points.length / 10))
  return (
    <div className='bars' id={id} style={{ height }}>
      {points.map((p, i) => (
        <div className='bars__col' key={p.label} title={`${p.label}：${format(p.value)}`}>
          <div className='bars__bar' style={{ height: `${(p.value / max) * 100}%` }} />
          <div className='bars__label'>{i % every === 0 ? p.label : ''}</div>
        </div>
      ))}
    </div>
  )
}
