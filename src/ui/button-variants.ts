import type { ButtonProps } from '@nutui/nutui-react-taro/dist/es/packages/button'

/**
 * The button variants the app draws. The build drops NutUI's rules for the others from the main
 * package (config/nutui-button.cjs keeps these same lists; a unit test holds them together).
 */
export const BUTTON_VARIANTS = {
  type: ['default', 'primary', 'danger'],
  size: ['normal', 'small'],
  fill: ['solid', 'outline', 'none']
} as const

type Variant<K extends keyof typeof BUTTON_VARIANTS> = (typeof BUTTON_VARIANTS)[K][number]
export type ButtonVariantProps = Omit<Partial<ButtonProps>, 'type' | 'size' | 'fill'> & { type?: Variant<'type'>; size?: Variant<'size'>; fill?: Variant<'fill'> }
