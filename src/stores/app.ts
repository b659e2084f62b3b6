// The app's store singletons, built on the service singletons. Tests build their own with the factories.
import { pickFiles, platform, storage, tokens, uploadProgress } from '@/services/app'
import { createCatalogueStore } from './catalogue'
import { createDraftStore } from './draft'
import { createMessageStore } from './messages'
import { createPreferencesStore } from './preferences'
import { createPrivacyStore } from './privacy'
import { createSessionStore } from './session'
import { createUploadStore } from './uploads'

export const usePreferences = createPreferencesStore(storage)
export const useSession = createSessionStore({ client: platform, tokens })
export const useCatalogue = createCatalogueStore(platform)
export const useDrafts = createDraftStore({ storage })
export const usePrivacy = createPrivacyStore()
export const useUploads = createUploadStore({ client: platform, drafts: useDrafts, picker: pickFiles, progress: uploadProgress })
export const useMessages = createMessageStore(platform)
