import { Checkbox } from 'tdesign-react'
import { NEEDS, NEED_LABELS, type Need } from '@contracts/insights-labels'

/** The five needs (五省) as checkboxes, in their fixed order whatever order they were ticked in. */
export function NeedPicker({ id, value, onChange }: { id: string; value: readonly Need[]; onChange: (needs: Need[]) => void }) {
  return (
    <div id={id}>
      <Checkbox.Group value={[...value]} onChange={(v) => onChange(NEEDS.filter((n) => v.includes(n)))}>
        {NEEDS.map((n) => (
          <Checkbox key={n} value={n}>
            {NEED_LABELS[n]}
          </Checkbox>
        ))}
      </Checkbox.Group>
    </div>
  )
}
