// WeChat: the panel comes with the package (DraftSyncNotices.tsx loads it late on H5).
export { DraftSyncPanel as DraftSyncNotices } from './DraftSyncPanel'
