import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { renderDemoPhoto } from './art/scenes'
import { DEMO_IMAGE_DIR, DEMO_PHOTO_KEYS, demoPhotoName } from './photos'

/**
 * Renders the demo photos into `scripts/seed/images/` (committed, so seeding only copies them).
 * Run after changing a scene: npx tsx scripts/seed/make-photos.ts. The unit test
 * `tests/unit/demo-photos.test.ts` fails when a committed file no longer matches its scene.
 */
export const DEMO_PHOTO_MAX_BYTES = 30 * 1024

if (require.main === module) {
  mkdirSync(DEMO_IMAGE_DIR, { recursive: true })
  for (const key of DEMO_PHOTO_KEYS) {
    const png = renderDemoPhoto(key).png(9)
    if (png.length >= DEMO_PHOTO_MAX_BYTES) throw new Error(`${key} is ${png.length} bytes; keep demo photos under ${DEMO_PHOTO_MAX_BYTES}`)
    const file = path.join(DEMO_IMAGE_DIR, demoPhotoName(key))
    writeFileSync(file, png)
    console.log(`${path.relative(process.cwd(), file)}  ${(png.length / 1024).toFixed(1)} KB`)
  }
}
