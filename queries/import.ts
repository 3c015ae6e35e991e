import {defineQuery} from 'groq'

/** Distributor documents whose markers drive recognition; editors' published versions win. */
export const distributorsForImportQuery =
  defineQuery(`*[_type == "distributor" && !(_id in path("drafts.**")) && !(_id in path("versions.**"))]{
  _id, _type, name, slug, website, description, languages, reach, markers
}`)

/** Whatever of the given ids exists already: releases (draft and published) and the documents they reference. */
export const existingDocumentsQuery = defineQuery(`*[_id in $ids]`)
