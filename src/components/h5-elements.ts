// H5 only: what `@tarojs/components` resolves to in the H5 build (config/index.ts) and in jest. Taro's React DOM
// components, except View, Text, Button and Image, which become the plain elements they render (Button and
// Image: their state, timers and observer serve props the app does not use). Taro's View is a forwardRef
// wrapper around a component with two states and an effect that sets its class again after every mount: three
// fibers and an extra render per element, most of a page's first render (docs/decisions.md). The app uses none
// of what that machinery adds (hoverClass, onLongPress); refs, events, aria-* and the rest reach the element as
// before. Imports the package itself, never `@tarojs/components` (the name aliased here).
// What the app imports (test/components/h5-elements.test.tsx checks) and what Taro's H5 runtime imports by this
// name (PullDownRefresh), named: View, Text, Button and Image are ours. They live in their own module: written in
// this one (the alias's target), their imports were missing from the H5 build (ReferenceError at run time).
export { Icon, Input, Picker, ScrollView, Swiper, SwiperItem } from '@tarojs/components-react'
// not in the package's types
export { default as PullDownRefresh } from '@tarojs/components-react/dist/components/pull-down-refresh/index.js'
export { Button, Image, Text, View } from './h5-plain-elements'
