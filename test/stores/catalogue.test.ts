import { PlatformError } from '@/services/platform'
import { templateOrMessage } from '@/domain/template/schema'
import { cityRegions, createCatalogueStore, latestTemplate, queryKey, regionName, type CatalogueClient } from '@/stores/catalogue'
import { template } from '../components/fixtures'

const summary = { id: 'test-shop', version: 3, name: '开办测试小店', applicantKinds: ['person' as const], category: '开办经营', keywords: [], zones: [], regions: [], description: '', matterCount: 3, departments: ['市场监管局'], promisedLimitDays: 5, visits: 0 }

function client(over: Partial<CatalogueClient> = {}): CatalogueClient {
  return {
    listBundles: jest.fn(async () => [summary]),
    getBundle: jest.fn(async () => template),
    listLicenceKinds: jest.fn(async () => [{ kind: 'idCard', name: '居民身份证', shortName: '身份证', issuer: '公安机关', fields: { name: '姓名' } }]),
    listRegions: jest.fn(async () => [{ code: '430000', name: '湖南省', children: [{ code: '430100', name: '长沙市', children: [{ code: '430104', name: '岳麓区' }] }, { code: '430200', name: '株洲市' }] }]),
    listCategories: jest.fn(async () => ({ categories: [{ name: '开办经营', icon: 'shop' }], elderTiles: [{ label: '退休', icon: 'retire', query: { category: '退休' } }] })),
    ...over,
  }
}

test('lists are kept per query; the same filters give the same key', async () => {
  const c = client()
  const store = createCatalogueStore(c, templateOrMessage)
  await store.getState().loadBundles({ q: '餐饮', region: '430100' })
  expect(queryKey({ region: '430100', q: '餐饮' })).toBe(queryKey({ q: '餐饮', region: '430100', zone: undefined }))
  expect(store.getState().lists[queryKey({ q: '餐饮', region: '430100' })]).toMatchObject({ status: 'ready', bundles: [summary] })
})

test('a failed list keeps what was shown and says why', async () => {
  const store = createCatalogueStore(client({ listBundles: jest.fn(async () => Promise.reject(new PlatformError({ kind: 'offline', message: '网络连接不可用，请检查网络后重试' }))) }))
  await store.getState().loadBundles({})
  expect(store.getState().lists['']).toMatchObject({ status: 'error', error: '网络连接不可用，请检查网络后重试', bundles: [] })
})

test('templates are stored by id@version and the newest is found by id', async () => {
  const c = client()
  const store = createCatalogueStore(c, templateOrMessage)
  await store.getState().loadTemplate('test-shop')
  expect(latestTemplate(store.getState(), 'test-shop')).toEqual(template)
  // a known version is not fetched again
  await store.getState().loadTemplate('test-shop', 3)
  expect(c.getBundle).toHaveBeenCalledTimes(1)
})

test('the same template asked for twice while on its way is one request; after a failure it is asked again', async () => {
  const c = client()
  const store = createCatalogueStore(c, templateOrMessage)
  const [a, b] = await Promise.all([store.getState().loadTemplate('test-shop'), store.getState().loadTemplate('test-shop')])
  expect(a).toEqual(template)
  expect(b).toBe(a)
  expect(c.getBundle).toHaveBeenCalledTimes(1)

  const failing = client({ getBundle: jest.fn(async () => Promise.reject(new PlatformError({ kind: 'offline', message: '网络连接不可用，请检查网络后重试' }))) })
  const other = createCatalogueStore(failing)
  await expect(other.getState().loadTemplate('test-shop', 3)).resolves.toBeUndefined()
  await other.getState().loadTemplate('test-shop', 3)
  expect(failing.getBundle).toHaveBeenCalledTimes(2)
})

test('regions: cities to choose from and names through the tree', async () => {
  const store = createCatalogueStore(client())
  await store.getState().loadRegions()
  expect(cityRegions(store.getState().regions).map((r) => r.name)).toEqual(['长沙市', '株洲市'])
  expect(regionName(store.getState().regions, '430104')).toBe('岳麓区')
})

test('categories load once; a failure says why and may be tried again', async () => {
  const failing = jest.fn(async () => Promise.reject(new PlatformError({ kind: 'offline', message: '网络连接不可用，请检查网络后重试' })))
  const store = createCatalogueStore(client({ listCategories: failing }))
  await store.getState().loadCategories()
  expect(store.getState().categoriesStatus).toEqual({ status: 'error', error: '网络连接不可用，请检查网络后重试' })
  const c = client()
  const ok = createCatalogueStore(c)
  await Promise.all([ok.getState().loadCategories(), ok.getState().loadCategories()])
  await ok.getState().loadCategories()
  expect(c.listCategories).toHaveBeenCalledTimes(1)
  expect(ok.getState().categories?.elderTiles[0]).toEqual({ label: '退休', icon: 'retire', query: { category: '退休' } })
})

test('a malformed template is one clear error at the boundary, never a template; the parser may come later', async () => {
  const broken = { ...template, matters: [{ ...template.matters[0], baseCode: 'abc' }] }
  const store = createCatalogueStore(client({ getBundle: jest.fn(async () => broken) }))
  const loading = store.getState().loadTemplate('test-shop')
  // the journey gives the parser after the request left (the H5 prefetch): the template waits for it
  store.getState().setTemplateParser(templateOrMessage)
  await expect(loading).resolves.toBeUndefined()
  expect(store.getState().templates).toEqual({})
  expect(store.getState().templateStatus['test-shop']).toEqual({
    status: 'error',
    error: '办事指南暂时无法使用（格式有误：$.matters[0].baseCode 事项基本编码应为 12 位数字），请稍后重试',
  })
})
