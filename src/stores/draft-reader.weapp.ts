// WeChat: saved drafts are read at once (draft-reader.ts loads the reader late on H5).
import type { DraftStoreDeps } from './draft'
import { readDrafts } from './draft-read'

export const draftReader: Pick<DraftStoreDeps, 'read' | 'loadReader'> = { read: readDrafts }
