/**
 * The UI kit: the pieces every page is built from, each taking its colours, spacing and type
 * from the tokens (src/styles/tokens.scss), so all of them grow in 长辈模式. Pages import from
 * here only. Each piece imports its own stylesheet, so a page carries the styles of the pieces it
 * draws and no others (package.json marks our modules free of side effects but stylesheets).
 */

export { Icon, type IconProps, type IconSize, type IconColor } from './Icon'
export { type IconName, ICON_NAMES } from './icons'
export { Segmented, type SegmentedProps, type SegmentedOption } from './Segmented'
export { StatGrid, type StatGridProps, type StatItem } from './StatGrid'
export { KVList, type KVRow } from './KVList'
export { Cell, CellGroup, type CellProps } from './Cell'
export { CellList, type CellListProps } from './CellList'
export { Chip, type Tone } from './Chip'
export { Section, type SectionProps } from './Section'
export { Stepper, type StepperProps } from './Stepper'
export { DateTimeField, type DateTimeFieldProps } from './DateTimeField'
export { Field, type FieldProps } from './Field'
export { Img, imgUrl, type ImgProps, type ImgSize } from './Img'
export { ActionBar, ButtonRow } from './ActionBar'
export { Notice, type NoticeTone } from './Notice'
export { ElderSwitch } from './ElderSwitch'
export { Price, type PriceProps } from '../../components/Price'
