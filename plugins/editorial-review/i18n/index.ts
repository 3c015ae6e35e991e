import {defineLocaleResourceBundle} from 'sanity'
import {I18N_NAMESPACE} from '../constants'

export const reviewLocaleBundles = [
  defineLocaleResourceBundle({
    locale: 'en-US',
    namespace: I18N_NAMESPACE,
    resources: () => import('./resources').then((module) => module.enUS),
  }),
  defineLocaleResourceBundle({
    locale: 'de-DE',
    namespace: I18N_NAMESPACE,
    resources: () => import('./resources').then((module) => module.deDE),
  }),
]
