import { isPhotoId } from '../contracts/upload'

/**
 * Photos as outputs carry them, from what is stored. Documents written before photos were
 * uploaded may hold '' or an https address typed by hand; those read as no photo, so every id a
 * page gets resolves through the upload path and an editor never sends back a value the save
 * would refuse.
 */
export function storedPhotos(stored: readonly string[] | null | undefined): string[] {
  return (stored ?? []).filter(isPhotoId)
}

export function storedPhoto(stored: string | null | undefined): string | null {
  return stored && isPhotoId(stored) ? stored : null
}
