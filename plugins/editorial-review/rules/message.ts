/**
 * A finding's message from the plugin's string table: the key and values for the
 * Studio, the English sentence for everything else.
 */
import {localized, type ParamsOf} from '../i18n/format'
import type {ReviewResourceKey} from '../i18n/resources'
import type {Finding} from './types'

export type FindingMessageKey = Extract<ReviewResourceKey, `finding.${string}`>

export function findingMessage<K extends FindingMessageKey>(
  key: K,
  ...params: keyof ParamsOf<K> extends never ? [] : [ParamsOf<K>]
): Pick<Finding, 'message' | 'messageKey' | 'params'> {
  const {message, params: values} = localized(key, ...params)
  return {message, messageKey: key, params: values}
}
