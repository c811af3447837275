import { copyFileSync, existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'

/**
 * The demo's photos: a flat illustration per product, pre-sale, event and service line, drawn
 * by our own code (`scripts/seed/art/`, rendered by `npx tsx scripts/seed/make-photos.ts` into
 * `scripts/seed/images/`; nothing is fetched). Seeding copies them into the local upload folder
 * under fixed names, and the seeded documents reference them as `local:` ids: the demo shows
 * photos through the same path as one staff upload in the H5 build.
 */
export const DEMO_PHOTO_KEYS = [
  'product-veg',
  'product-veg-2',
  'product-fruit',
  'product-clean',
  'product-rice',
  'campaign-veg',
  'campaign-fruit',
  'campaign-clean',
  'campaign-rice',
  'event-cleaning',
  'event-craft',
  'event-health',
  'event-appliance',
  'line-clean',
  'line-deep',
  'line-tidy',
  'line-aircon',
  'line-appliance',
  'line-pipe',
  'line-electric',
  'proposal-cashmere',
  'product-season'
] as const
export type DemoPhotoKey = (typeof DEMO_PHOTO_KEYS)[number]

/** Where the rendered files are kept in the repository. */
export const DEMO_IMAGE_DIR = path.join(__dirname, 'images')

/** The file name, in the repository and in the upload folder: fixed, and within the upload path's name pattern. */
export function demoPhotoName(key: DemoPhotoKey): string {
  return `demo-photo-${key}.png`
}

/** The `local:` id a seeded document stores for the photo. */
export function demoPhoto(key: DemoPhotoKey): string {
  return `local:${demoPhotoName(key)}`
}

/** Copies the demo photos missing from `dir` (the local upload folder); those present are left alone. */
export function writeDemoPhotos(dir: string): { written: number; present: number } {
  mkdirSync(dir, { recursive: true })
  let written = 0
  let present = 0
  for (const key of DEMO_PHOTO_KEYS) {
    const file = path.join(dir, demoPhotoName(key))
    if (existsSync(file)) {
      present++
      continue
    }
    copyFileSync(path.join(DEMO_IMAGE_DIR, demoPhotoName(key)), file)
    written++
  }
  return { written, present }
}
