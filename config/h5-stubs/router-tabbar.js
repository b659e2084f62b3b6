// Stands in for @tarojs/router/dist/tabbar.js on H5 (config/index.ts): Taro's router draws its tab bar only when
// app.config's tabBar is not custom, and on H5 it is custom (the app draws its own: components/TabBar.tsx). The
// real module returns at once then, but brings Taro's tab bar APIs into the first load (0.8 KB gzip).
export function initTabbar() {}
