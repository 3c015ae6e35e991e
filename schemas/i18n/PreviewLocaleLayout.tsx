import {useCurrentLocale, type LayoutProps} from 'sanity'
import {setPreviewLocale} from './previewLocale'

/**
 * Tells `prepare` (./previewLocale) the Studio's locale. Set while rendering, not in an
 * effect: the lists below run `prepare` as they subscribe to their previews, which is
 * before this component's effects would run. A locale switch needs nothing more: Sanity
 * keys its locale context by the locale id, so the whole Studio below it mounts afresh,
 * this component first, and every preview is prepared again in the new language.
 */
export function PreviewLocaleLayout(props: LayoutProps) {
  setPreviewLocale(useCurrentLocale().id)
  return props.renderDefault(props)
}
