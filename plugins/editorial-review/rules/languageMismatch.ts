/**
 * A declared language that differs from what the body is written in: wires relabel
 * and machine-translate copy, and a wrong language tag misleads readers, search and
 * screen readers alike.
 */
import {DEFAULT_SAMPLE_LENGTH, detectLanguage, primarySubtag} from './language'
import {bodyPlainText} from './text'
import type {Rule} from './types'

export const languageMismatchRule: Rule = {
  code: 'languageMismatch',
  severity: 'warning',
  detect(document, _context, text) {
    const declared = document.language?.trim()
    if (!declared) return []
    const detected = detectLanguage(bodyPlainText(text, DEFAULT_SAMPLE_LENGTH * 2))
    if (!detected || primarySubtag(detected) === primarySubtag(declared)) return []
    return [
      {
        code: 'languageMismatch',
        severity: 'warning',
        message: `The language is set to “${declared}” but the body reads as “${detected}”: correct the Language field, or check the copy is the version you meant to publish.`,
        evidence: [{path: 'language', start: 0, end: document.language!.length, quote: document.language!}],
      },
    ]
  },
}
