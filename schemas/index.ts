import {article} from './documents/article'
import {category} from './documents/category'
import {disclaimer} from './documents/disclaimer'
import {distributor} from './documents/distributor'
import {pressRelease} from './documents/pressRelease'
import {blockContent} from './objects/blockContent'
import {dateline} from './objects/dateline'
import {distributorMarkers} from './objects/distributorMarkers'
import {importSource} from './objects/importSource'
import {infoSource} from './objects/infoSource'
import {languageName} from './objects/languageName'
import {markerPhrase} from './objects/markerPhrase'
import {reach} from './objects/reach'
import {reuseFingerprint} from './objects/reuseFingerprint'
import {sourceCredit} from './objects/sourceCredit'
import {withLocalizedFormHeader} from './i18n/FormHeader'

export const schemaTypes = [
  pressRelease,
  distributor,
  disclaimer,
  category,
  blockContent,
  dateline,
  importSource,
  infoSource,
  reach,
  distributorMarkers,
  markerPhrase,
  languageName,
  article,
  sourceCredit,
  reuseFingerprint,
  // Their form heading names the type in the editor's language (./i18n/FormHeader).
].map(withLocalizedFormHeader)
