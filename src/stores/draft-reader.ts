// H5: the reader of saved drafts (draft-read.ts: valibot and the draft schemas) loads only when the device holds
// drafts, so a first visit goes without it; until it has read them, pages wait (Frame) and nothing is written.
// draft-reader.weapp.ts: WeChat has it in the package and reads at once.
import type { DraftStoreDeps } from './draft'

export const draftReader: Pick<DraftStoreDeps, 'read' | 'loadReader'> = {
  loadReader: () => import('./draft-read').then((m) => m.readDrafts),
}
