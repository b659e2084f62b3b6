import { ChoiceGroup, type ChoiceOption } from './ChoiceGroup'

/** The list of cities to choose the region from. */
export function RegionPicker({ regions, value, onChange }: { regions: ChoiceOption[]; value: string; onChange: (code: string) => void }) {
  return <ChoiceGroup id='region' legend='选择办事地区' options={regions} value={value} onChange={(v) => onChange(String(v))} />
}
