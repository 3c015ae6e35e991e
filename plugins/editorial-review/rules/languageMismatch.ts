/**
 * A declared language that differs from what the body is written in: wires relabel
 * and machine-translate copy, and a wrong language tag misleads readers, search and
 * screen readers alike.
 */
import {DEFAULT_SAMPLE_LENGTH, detectLanguage, primarySubtag} from './language'
import {findingMessage} from './message'
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
        ...findingMessage('finding.languageMismatch', {declared, detected}),
        evidence: [{path: 'language', start: 0, end: document.language!.length, quote: document.language!}],
      },
    ]
  },
}
