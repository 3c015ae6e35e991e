import {Heading, Stack, Text} from '@sanity/ui'
import {unstable_useValuePreview as useValuePreview, useTranslation, type ObjectInputProps} from 'sanity'
import {SCHEMA_I18N_NAMESPACE, typeKey} from './labels'

/** The Studio's structure namespace, where its own "Untitled" fallback lives. */
const STRUCTURE_NAMESPACE = 'structure'

/**
 * The heading above a document's form, as Sanity's own form header draws it (type title,
 * then the document's title), with the type title in the editor's language: Sanity 6.9
 * takes that one straight from the schema. The document types switch Sanity's header off
 * (`__experimental_formPreviewTitle: false`, see `withLocalizedFormHeader`).
 */
export function FormHeader(props: ObjectInputProps) {
  const {t} = useTranslation([SCHEMA_I18N_NAMESPACE, STRUCTURE_NAMESPACE])
  const {schemaType} = props
  const {value: preview} = useValuePreview({schemaType, value: props.value})
  const typeTitle = schemaType.title ?? schemaType.name
  const title = typeof preview?.title === 'string' && preview.title ? preview.title : undefined
  return (
    <Stack gap={4} marginBottom={5} data-testid="form-header">
      <Text muted size={1}>
        {t(typeKey(schemaType.name), {defaultValue: typeTitle})}
      </Text>
      <Heading as="h2" size={4} muted={!title} data-testid="document-panel-document-title">
        {title ?? t('document-view.form-view.form-title-fallback', {ns: STRUCTURE_NAMESPACE})}
      </Heading>
    </Stack>
  )
}

/** A document type whose form heading `FormHeader` draws, in the editor's language. */
export function withLocalizedFormHeader<T extends {type: string}>(type: T): T {
  return type.type === 'document' ? {...type, __experimental_formPreviewTitle: false} : type
}
