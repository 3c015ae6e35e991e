import {useTranslation, type PreviewProps} from 'sanity'
import {SCHEMA_I18N_NAMESPACE} from './labels'

/** Where the translation of one English preview word is: a key and its namespace. */
export interface PreviewWord {
  key: string
  ns: string
}

/** What `prepare` joins a preview's parts with. */
export const PREVIEW_SEPARATOR = ' · '

/**
 * A list preview in the editor's language. `prepare` runs outside React, with no i18n,
 * and Sanity types its title and subtitle as plain strings, so it writes English parts
 * joined by PREVIEW_SEPARATOR; this component swaps each part it knows for its
 * translation and leaves the rest (names, language tags) as they are.
 */
export function localizedPreview(words: Readonly<Record<string, PreviewWord>>) {
  // One translator per namespace the words come from: a `t` bound to one namespace does
  // not look up another's keys, it gives the English default.
  const namespaces = [...new Set([SCHEMA_I18N_NAMESPACE, ...Object.values(words).map((word) => word.ns)])]
  function LocalizedPreview(props: PreviewProps) {
    // The same hooks in the same order on every render: `namespaces` never changes.
    const translators = new Map(namespaces.map((ns) => [ns, useTranslation(ns).t]))
    const translate = (text: unknown) =>
      typeof text === 'string'
        ? text
            .split(PREVIEW_SEPARATOR)
            .map((part) => (words[part] ? translators.get(words[part].ns)!(words[part].key, {defaultValue: part}) : part))
            .join(PREVIEW_SEPARATOR)
        : text
    return props.renderDefault({
      ...props,
      title: translate(props.title) as PreviewProps['title'],
      subtitle: translate(props.subtitle) as PreviewProps['subtitle'],
    })
  }
  return LocalizedPreview
}
