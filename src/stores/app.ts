// The app's store singletons, built on the service singletons. Tests build their own with the factories.
// Stores only some pages need have their own modules (app-cases, app-submit, app-uploads, app-staff, app-grants,
// app-sync), out of the first load.
import { catalogueClient, messageClient, sessionClient, storage, tokens } from '@/services/app'
import { afterFirstPaint } from '@/services/first-paint'
import { createCatalogueStore } from './catalogue'
import { createDraftStore } from './draft'
import { draftReader } from './draft-reader'
import { createMessageStore } from './messages'
import { createPreferencesStore } from './preferences'
import { createPrivacyStore } from './privacy'
import { createSessionStore } from './session'

export const usePreferences = createPreferencesStore(storage)
export const useSession = createSessionStore({ client: sessionClient, tokens, storage, afterFirstPaint })
export const useCatalogue = createCatalogueStore(catalogueClient)
export const useDrafts = createDraftStore({ storage, ...draftReader })
export const usePrivacy = createPrivacyStore()
export const useMessages = createMessageStore(messageClient)
