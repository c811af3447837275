import { configure } from '@nutui/icons-react-taro'

// NutUI draws icons as <i>, which Taro's weapp templates do not have (nothing would render);
// <view> exists in both builds' templates. H5 keeps NutUI's default. Imported by everything that
// draws NutUI icons (./nut for NutUI's own components, the kit's Icon), before the first render.
// Listed under sideEffects in package.json, which keeps this import-only module in the bundle.
if (process.env.TARO_ENV === 'weapp') configure({ tag: 'view' })
