// 在线咨询's store singletons (the account pages and the staff console only): not built with the first load.
import { storage } from '@/services/app'
import { platform } from '@/services/app-client'
import { createConsultClient } from '@/services/platform/consult'
import { createConsultDeskStore, createConsultStore } from './consult'

const client = createConsultClient(platform)
export const useConsult = createConsultStore({ client, storage })
export const useConsultDesk = createConsultDeskStore(client)
