/**
 * The labels the schema shows editors (type, group and field titles, field
 * descriptions, option titles), keyed so the Studio can look them up in its i18n
 * namespace. The English table is read off the schema definitions themselves, so no
 * title is written twice; `./de-DE` translates every key, and a test keeps the two in step.
 * Field keys follow the form's path from the document (array items left out), since that
 * is what a field knows about itself: `field.pressRelease.dateline.location`.
 */

/** i18n namespace of the schema's labels. */
export const SCHEMA_I18N_NAMESPACE = 'pressroom-schema'

export const typeKey = (type: string) => `type.${type}`
export const groupKey = (type: string, group: string) => `group.${type}.${group}`
export const fieldKey = (type: string, path: readonly string[]) => `field.${type}.${path.join('.')}`
export const descriptionKey = (type: string, path: readonly string[]) => `${fieldKey(type, path)}.description`
export const optionKey = (type: string, path: readonly string[], value: string) => `${fieldKey(type, path)}.option.${value}`
/** A document type's groups with their tab titles keyed, so the form's tabs follow the Studio's language. */
export function localizedGroups<G extends {name: string}>(type: string, groups: readonly G[]) {
  return groups.map((group) => ({...group, i18n: {title: {key: groupKey(type, group.name), ns: SCHEMA_I18N_NAMESPACE}}}))
}

/** Structure titles that are not schema types. */
export const STRUCTURE_KEYS = {content: 'structure.content'} as const

/** Titles of the workspace's own tools in the navbar, by tool name (Sanity 6.9.2 shows `tool.title` as it is). */
export const TOOL_LABELS: Readonly<Record<string, string>> = {structure: 'Structure'}
export const toolKey = (tool: string) => `tool.${tool}`

/**
 * Words `prepare` writes into previews, which it formats itself in the Studio's locale
 * (./previewLocale). Plural keys follow i18next: `_one`, `_other`.
 */
export const PREVIEW_LABELS = {
  'preview.pressRelease.untitled': 'Untitled release',
  'preview.pressRelease.own-copy': 'Own copy',
  'preview.pressRelease.third-party': 'Third-party copy',
  'preview.article.untitled': 'Untitled article',
  'preview.distributor.untitled': 'Unnamed distributor',
  'preview.distributor.languages_one': '{{count}} language',
  'preview.distributor.languages_other': '{{count}} languages',
  'preview.disclaimer.empty': 'Empty disclaimer',
  'preview.category.untitled': 'Untitled category',
  'preview.infoSource.unnamed': 'Unnamed source',
  'preview.sourceCredit.unlabelled': 'Unlabelled credit',
  'preview.importSource.unknown': 'Unknown file',
  'preview.dateline.empty': 'No dateline',
  'preview.languageName.unnamed': 'Unnamed',
  'preview.reach': '{{mediaOutlets}} outlets in {{countries}} countries',
  'preview.markerPhrase.empty': 'No text',
  'preview.distributorMarkers.empty': 'No dateline tags',
} as const

export type PreviewLabelKey = keyof typeof PREVIEW_LABELS

/** The parts of a schema definition (from defineType/defineField) the labels come from. */
interface Definition {
  name?: string
  title?: string
  description?: unknown
  type?: string
  fields?: Definition[]
  of?: Definition[]
  groups?: {name: string; title?: string}[]
  options?: {list?: unknown[]}
}

/** Nesting the walk follows; the schema is shallower, a type that contains itself stops here. */
const MAX_DEPTH = 6

/** Every label of the given types in English, keyed for the document types among them. */
export function englishLabels(types: readonly unknown[]): Record<string, string> {
  const definitions = types as Definition[]
  const named = new Map(definitions.map((definition) => [definition.name!, definition]))
  const labels: Record<string, string> = {
    [STRUCTURE_KEYS.content]: 'Content',
    ...Object.fromEntries(Object.entries(TOOL_LABELS).map(([tool, title]) => [toolKey(tool), title])),
    ...PREVIEW_LABELS,
  }
  for (const definition of definitions) if (definition.title) labels[typeKey(definition.name!)] = definition.title

  const walk = (document: string, fields: Definition[], prefix: string[], depth: number) => {
    if (depth > MAX_DEPTH) return
    for (const field of fields) {
      const path = [...prefix, field.name!]
      if (field.title) labels[fieldKey(document, path)] = field.title
      if (typeof field.description === 'string') labels[descriptionKey(document, path)] = field.description
      for (const option of field.options?.list ?? []) {
        const {title, value} = (option ?? {}) as {title?: string; value?: string}
        if (title && value) labels[optionKey(document, path, value)] = title
      }
      for (const member of membersOf(field)) walk(document, member, path, depth + 1)
    }
  }
  const membersOf = (field: Definition): Definition[][] => {
    const own = field.fields ? [field.fields] : []
    const target = field.type ? named.get(field.type) : undefined
    const ofType = target?.fields ? [target.fields] : []
    // An array's items add no segment of their own to the path of their fields.
    const items = [...(field.of ?? []), ...(target?.of ?? [])].flatMap((item) => {
      const itemType = item.type ? named.get(item.type) : undefined
      return [...(item.fields ? [item.fields] : []), ...(itemType?.fields ? [itemType.fields] : [])]
    })
    return [...own, ...ofType, ...items]
  }

  for (const definition of definitions.filter((candidate) => candidate.type === 'document')) {
    for (const group of definition.groups ?? []) if (group.title) labels[groupKey(definition.name!, group.name)] = group.title
    walk(definition.name!, definition.fields ?? [], [], 0)
  }
  return labels
}
