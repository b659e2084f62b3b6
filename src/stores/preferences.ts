// The citizen's own settings, kept on the device: 长辈版 (elder mode) and the chosen region.
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { KeyValueStorage } from '@/services/storage'
import { jsonStorage } from './persist'

export const PREFERENCES_KEY = 'yjs.preferences.v1'
/** 长沙市, when neither the citizen nor the profile says otherwise */
export const DEFAULT_REGION = { code: '430100', name: '长沙市' }

export interface PreferencesState {
  elderMode: boolean
  /** the region the citizen picked; undefined = follow the profile, else the default */
  region?: { code: string; name: string }
  setElderMode(on: boolean): void
  setRegion(region: { code: string; name: string }): void
  reset(): void
}

export function createPreferencesStore(kv: KeyValueStorage) {
  return create<PreferencesState>()(
    persist(
      (set) => ({
        elderMode: false,
        region: undefined,
        setElderMode: (on) => set({ elderMode: on }),
        setRegion: (region) => set({ region: { code: region.code, name: region.name } }),
        reset: () => set({ elderMode: false, region: undefined }),
      }),
      {
        name: PREFERENCES_KEY,
        version: 1,
        storage: jsonStorage(kv),
        partialize: (s) => ({ elderMode: s.elderMode, region: s.region }) as PreferencesState,
      },
    ),
  )
}

export type PreferencesStore = ReturnType<typeof createPreferencesStore>
