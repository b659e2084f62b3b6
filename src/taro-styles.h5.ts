// H5: Taro's React DOM component styles, imported here, before app.css, so that in the production build
// (config/index.ts extracts Taro's CSS into the page's stylesheet) they come first and the app's rules win.
// Taro imports the same file again later in its entry; the first import fixes the order.
import '@tarojs/components-react/dist/index.css'
// the browser's own rules (src/styles/h5.css): prefers-reduced-motion for whatever Taro's components animate
import './styles/h5.css'
// printing is H5's alone: the 受理通知书 etc. on paper (src/print.css)
import './print.css'
