// Stands in for Taro's Stencil web components on H5 (see config/index.ts, H5_STUBS): the app renders the React
// DOM components and draws its own tab bar (tabBar.custom on H5), so Taro's router never defines <taro-tabbar>;
// Taro.previewImage (its swiper) is not used. Importing them would add 16.7 KB gzip to the first load.
function notBundled() {
  throw new Error('Taro 的 Web Components 未打包进本应用')
}
export const defineCustomElementTaroTabbar = notBundled
export const defineCustomElementTaroSwiperCore = notBundled
export const defineCustomElementTaroSwiperItemCore = notBundled
