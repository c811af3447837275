import path from 'node:path'

/** The repository root, found from this file so scripts work from any working directory. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..')

/** `a/b/c` with forward slashes, relative to `root`: the form esbuild's metafile uses. */
export function relPosix(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/')
}
