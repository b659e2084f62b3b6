// WeChat: draft sync comes with the package and starts with the app (sync-start.ts loads it late on H5).
import { catchUpDrafts, startDraftSync, useSync } from './app-sync'

export function startDraftSyncWhenSignedIn(): void {
  startDraftSync()
}

export function flushDrafts(): void {
  void useSync.getState().flush()
}

export function catchUpDraftsNow(): void {
  void catchUpDrafts()
}
