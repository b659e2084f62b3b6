// The citizen's own settings, kept on the device: 长辈版 (elder mode) and the chosen region.
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { KeyValueStorage } from '@/services/storage'
import { jsonStorage } from './persist'

export const PREFERENCES_KEY = 'yjs.preferences.v1'
/** 长沙市, when neither the citizen nor the profile says otherwise */
/** WeChat's standard font is 17 px; its larger settings and 关怀模式 start around 20 px */
export const ELDER_FONT_PX = 20

export const DEFAULT_REGION = { code: '430100', name: '长沙市' }

export interface PreferencesState {
  elderMode: boolean
  /** the citizen switched 长辈版 themselves: the system font size no longer decides */
  elderModeChosen: boolean
  /** the region the citizen picked; undefined = follow the profile, else the default */
  region?: { code: string; name: string }
  setElderMode(on: boolean): void
  /** WeChat's font setting (getAppBaseInfo().fontSizeSetting, px): 关怀模式 (≈ 23.8 px) turns 长辈版 on until the citizen chooses */
  adoptSystemFontSize(px: number | undefined): void
  setRegion(region: { code: string; name: string }): void
  reset(): void
}

export function createPreferencesStore(kv: KeyValueStorage) {
  return create<PreferencesState>()(
    persist(
      (set, get) => ({
        elderMode: false,
        elderModeChosen: false,
        region: undefined,
        setElderMode: (on) => set({ elderMode: on, elderModeChosen: true }),
        adoptSystemFontSize: (px) => {
          if (!get().elderModeChosen && typeof px === 'number') set({ elderMode: px >= ELDER_FONT_PX })
        },
        setRegion: (region) => set({ region: { code: region.code, name: region.name } }),
        reset: () => set({ elderMode: false, elderModeChosen: false, region: undefined }),
      }),
      {
        name: PREFERENCES_KEY,
        version: 1,
        storage: jsonStorage(kv),
        partialize: (s) => ({ elderMode: s.elderMode, elderModeChosen: s.elderModeChosen, region: s.region }) as PreferencesState,
      },
    ),
  )
}

export type PreferencesStore = ReturnType<typeof createPreferencesStore>
