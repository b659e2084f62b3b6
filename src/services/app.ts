// The app's service singletons: storage and tokens (app-base.ts), the catalogue's routes for the opening page,
// the routes the session and messages stores use (app-platform.ts: on H5 the full client loads with their first
// call), and the file picker lives in files.ts. Stores only some pages need take the full client from
// app-client.ts. Stores are built on these in src/stores/app.ts.
import { clientOptions } from './app-base'
import { createAppTransport } from './http/app-transport'
import { createTaroTransport } from './http/taro-transport'
import { createCatalogueClient } from './platform/catalogue'

export { acting, storage, tokens } from './app-base'
export { messageClient, sessionClient } from './app-platform'
export const catalogueClient = createCatalogueClient({ ...clientOptions, transport: process.env.TARO_ENV === 'h5' ? createAppTransport() : createTaroTransport() })
