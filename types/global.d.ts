/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.scss'
declare module '*.css'

/** Injected by config/index.ts: the CloudBase environment id for the weapp build ('' = default). */
declare const LINLI_CLOUD_ENV: string

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV?: 'weapp' | 'h5'
    LINLI_APP?: string
  }
}

declare module '@nutui/icons-react-taro/dist/es/icons/configure.js' {
  export function configure(config: { useSvg?: boolean; classPrefix?: string; tag?: string; fontClassName?: string }): void
}
