// The app's store singletons, built on the service singletons. Tests build their own with the factories.
// Stores only some pages need have their own modules (app-cases, app-submit, app-uploads, app-staff, app-grants,
// app-sync), out of the first load.
import { platform, storage, tokens } from '@/services/app'
import { createCatalogueStore } from './catalogue'
import { createDraftStore } from './draft'
import { createMessageStore } from './messages'
import { createPreferencesStore } from './preferences'
import { createPrivacyStore } from './privacy'
import { createSessionStore } from './session'

export const usePreferences = createPreferencesStore(storage)
export const useSession = createSessionStore({ client: platform, tokens, storage })
export const useCatalogue = createCatalogueStore(platform)
export const useDrafts = createDraftStore({ storage })
export const usePrivacy = createPrivacyStore()
export const useMessages = createMessageStore(platform)
