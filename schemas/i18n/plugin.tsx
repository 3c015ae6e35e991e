import {
  definePlugin,
  defineLocaleResourceBundle,
  isObjectInputProps,
  useFormValue,
  useTranslation,
  type FieldProps,
  type InputProps,
  type ToolMenuProps,
} from 'sanity'
import {schemaLabelsDeDE} from './de-DE'
import {FormHeader} from './FormHeader'
import {descriptionKey, englishLabels, fieldKey, optionKey, SCHEMA_I18N_NAMESPACE, TOOL_LABELS, toolKey} from './labels'

export interface SchemaLabelsOptions {
  /** Every schema type of the workspace, the plugins' included: their titles are the English labels. */
  types: readonly unknown[]
}

/** The string segments of a form path: array items add none (see `fieldKey`). */
function namedPath(path: readonly unknown[]): string[] {
  return path.filter((segment): segment is string => typeof segment === 'string')
}

/**
 * Field titles and descriptions in the editor's language. Sanity 6.9 localizes group
 * tabs, structure items and templates through `i18n` keys, but not field titles, so each
 * field's title and description is looked up here by its path from the document.
 */
function LocalizedField(props: FieldProps) {
  const {t} = useTranslation(SCHEMA_I18N_NAMESPACE)
  const documentType = useFormValue(['_type'])
  const path = namedPath(props.path)
  if (typeof documentType !== 'string' || path.length === 0) return props.renderDefault(props)
  return props.renderDefault({
    ...props,
    title: props.title ? t(fieldKey(documentType, path), {defaultValue: props.title}) : props.title,
    description:
      typeof props.description === 'string'
        ? t(descriptionKey(documentType, path), {defaultValue: props.description})
        : props.description,
  })
}

/** Option titles of a string field with a fixed list (roles, statuses), by the same path. */
function LocalizedOptionsInput(props: InputProps) {
  const {t} = useTranslation(SCHEMA_I18N_NAMESPACE)
  const documentType = useFormValue(['_type'])
  const options = props.schemaType.options as {list?: unknown[]} | undefined
  if (typeof documentType !== 'string' || !Array.isArray(options?.list)) return props.renderDefault(props)
  const path = namedPath(props.path)
  const list = options.list.map((option) => {
    const {title, value} = (option ?? {}) as {title?: string; value?: unknown}
    return title && typeof value === 'string'
      ? {...(option as object), title: t(optionKey(documentType, path, value), {defaultValue: title})}
      : option
  })
  return props.renderDefault({...props, schemaType: {...props.schemaType, options: {...options, list}}} as InputProps)
}

/** Inputs that draw their field's title and description themselves, from their schema type (date and time pickers, switches). */
const SELF_TITLED_INPUTS = new Set(['date', 'datetime', 'boolean'])

/** Such an input's title and description in the editor's language, by the same path as `LocalizedField`. */
function LocalizedSelfTitledInput(props: InputProps) {
  const {t} = useTranslation(SCHEMA_I18N_NAMESPACE)
  const documentType = useFormValue(['_type'])
  const {schemaType} = props
  if (typeof documentType !== 'string') return props.renderDefault(props)
  const path = namedPath(props.path)
  const localized = {
    ...schemaType,
    title: schemaType.title ? t(fieldKey(documentType, path), {defaultValue: schemaType.title}) : schemaType.title,
    description:
      typeof schemaType.description === 'string'
        ? t(descriptionKey(documentType, path), {defaultValue: schemaType.description})
        : schemaType.description,
  }
  return props.renderDefault({...props, schemaType: localized} as InputProps)
}

/** The inputs this plugin localizes, by what they are. */
function LocalizedInput(props: InputProps) {
  if (props.id === 'root' && isObjectInputProps(props) && props.schemaType.__experimental_formPreviewTitle === false)
    return (
      <>
        <FormHeader {...props} />
        {props.renderDefault(props)}
      </>
    )
  if ((props.schemaType.options as {list?: unknown} | undefined)?.list) return <LocalizedOptionsInput {...props} />
  if (SELF_TITLED_INPUTS.has(props.schemaType.name) || SELF_TITLED_INPUTS.has(props.schemaType.type?.name ?? ''))
    return <LocalizedSelfTitledInput {...props} />
  return props.renderDefault(props)
}

/** The navbar's titles of the workspace's own tools (Structure), in the editor's language; others as they are. */
function LocalizedToolMenu(props: ToolMenuProps) {
  const {t} = useTranslation(SCHEMA_I18N_NAMESPACE)
  const tools = props.tools.map((tool) =>
    tool.name in TOOL_LABELS ? {...tool, title: t(toolKey(tool.name), {defaultValue: tool.title})} : tool,
  )
  return props.renderDefault({...props, tools})
}

/**
 * The schema's labels in English and German: field titles and descriptions, option
 * titles, and the words previews are prepared with. English is read off the schema.
 */
export const schemaLabels = definePlugin<SchemaLabelsOptions>(({types}) => ({
  name: 'pressroom-schema-labels',
  i18n: {
    bundles: [
      defineLocaleResourceBundle({locale: 'en-US', namespace: SCHEMA_I18N_NAMESPACE, resources: englishLabels(types)}),
      defineLocaleResourceBundle({locale: 'de-DE', namespace: SCHEMA_I18N_NAMESPACE, resources: schemaLabelsDeDE}),
    ],
  },
  studio: {components: {toolMenu: LocalizedToolMenu}},
  form: {
    components: {
      field: LocalizedField,
      input: LocalizedInput,
    },
  },
}))
