/** Links readers can follow safely: no javascript:, data: or mailto: in published copy. */
export const WEB_URL_SCHEMES = [/^https?$/]

export const WEB_URL_MESSAGE = 'Use a full web address starting with https:// or http://.'
