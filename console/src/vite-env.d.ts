/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The CloudBase environment id: set for a production build, absent for the local server. */
  readonly VITE_CLOUDBASE_ENV?: string
  /**
   * The link prefix registered in WeChat as a 普通链接二维码 rule for the sign-in page; the QR
   * code holds `<prefix>?r=<request id>`. Locally the H5 app's own sign-in page.
   */
  readonly VITE_SIGNIN_LINK?: string
  /** The bind page as a mini-program link (普通链接二维码 rule): code slips' QR codes open it. */
  readonly VITE_BIND_LINK?: string
  /** The staff invitation page as a mini-program link (普通链接二维码 rule): invitation QR codes open it. */
  readonly VITE_STAFF_INVITE_LINK?: string
}
