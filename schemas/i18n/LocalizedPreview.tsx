import {useTranslation, type PreviewProps} from 'sanity'
import {SCHEMA_I18N_NAMESPACE} from './labels'

/** Where the translation of one English preview word is: a key and its namespace. */
export interface PreviewWord {
  key: string
  ns: string
}

/** What `prepare` joins a preview's parts with. */
export const PREVIEW_SEPARATOR = ' · '

type Words = Readonly<Record<string, PreviewWord>>

/**
 * A translator of preview texts: each part it knows is swapped for its translation, the
 * rest (names, language tags) stays as it is. One `t` per namespace the words come from:
 * a `t` bound to one namespace does not look up another's keys, it gives the English default.
 */
function useTranslatedParts(words: Words, namespaces: readonly string[]) {
  // The same hooks in the same order on every render: `namespaces` never changes for a caller.
  const translators = new Map(namespaces.map((ns) => [ns, useTranslation(ns).t]))
  return (text: unknown) =>
    typeof text === 'string'
      ? text
          .split(PREVIEW_SEPARATOR)
          .map((part) => (words[part] ? translators.get(words[part].ns)!(words[part].key, {defaultValue: part}) : part))
          .join(PREVIEW_SEPARATOR)
      : text
}

const namespacesOf = (words: Words) => [...new Set([SCHEMA_I18N_NAMESPACE, ...Object.values(words).map((word) => word.ns)])]

/**
 * A list preview in the editor's language. `prepare` runs outside React, with no i18n,
 * and Sanity types its title and subtitle as plain strings, so it writes English parts
 * joined by PREVIEW_SEPARATOR; this component translates the parts it knows.
 */
export function localizedPreview(words: Words) {
  const namespaces = namespacesOf(words)
  function LocalizedPreview(props: PreviewProps) {
    const translate = useTranslatedParts(words, namespaces)
    return props.renderDefault({
      ...props,
      title: translate(props.title) as PreviewProps['title'],
      subtitle: translate(props.subtitle) as PreviewProps['subtitle'],
    })
  }
  return LocalizedPreview
}

/**
 * A preview text as a component that shows it in the editor's language, for `prepare` to
 * return as a subtitle: document lists in Sanity 6.9 render `prepare`'s result without the
 * type's `components.preview`, and a component rendered there can use the Studio's i18n.
 * Typed as the string `prepare` is declared to return; previews render components as well.
 */
export function localizedText(text: string, words: Words): string {
  const namespaces = namespacesOf(words)
  function LocalizedText() {
    return <>{useTranslatedParts(words, namespaces)(text) as string}</>
  }
  return LocalizedText as never
}
