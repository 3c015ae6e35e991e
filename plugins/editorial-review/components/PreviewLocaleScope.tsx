import type {ReactNode} from 'react'
import {useCurrentLocale} from 'sanity'
import {setPreviewLocale} from '../i18n/previewLocale'

/**
 * Tells `prepare` (../i18n/previewLocale) the Studio's locale. Set while rendering, not in
 * an effect: the lists below run `prepare` as they subscribe to their previews, before
 * this component's effects would run. A locale switch needs nothing more: Sanity keys its
 * locale context by the locale id (LocaleProviderBase), so everything below it mounts
 * afresh, this first, and every preview is prepared again in the new language.
 */
export function PreviewLocaleScope({children}: {children: ReactNode}) {
  setPreviewLocale(useCurrentLocale().id)
  return children
}
