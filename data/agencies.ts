/**
 * Wire agencies whose credit inside distributed copy raises a rights question: a PR
 * wire may redistribute an agency's story the newsroom has no licence for.
 */
export interface WireAgency {
  /** Short credit as it appears in datelines, e.g. "AP". */
  code: string
  /** Full name, shown to editors. */
  name: string
  /** Other spellings of the credit found in copy. */
  aliases: string[]
}

export const WIRE_AGENCIES: WireAgency[] = [
  {code: 'AP', name: 'Associated Press', aliases: ['Associated Press']},
  {code: 'Reuters', name: 'Reuters', aliases: ['REUTERS']},
  {code: 'dpa', name: 'Deutsche Presse-Agentur', aliases: ['DPA']},
  {code: 'AFP', name: 'Agence France-Presse', aliases: ['Agence France-Presse']},
  {code: 'EFE', name: 'Agencia EFE', aliases: []},
  {code: 'ANSA', name: 'Agenzia Nazionale Stampa Associata', aliases: []},
  {code: 'KNA', name: 'Katholische Nachrichten-Agentur', aliases: []},
  {code: 'epd', name: 'Evangelischer Pressedienst', aliases: []},
  {code: 'APA', name: 'Austria Presse Agentur', aliases: []},
  {code: 'SDA', name: 'Keystone-SDA', aliases: ['Keystone-SDA']},
  {code: 'Kyodo', name: 'Kyodo News', aliases: []},
  {code: 'Xinhua', name: 'Xinhua News Agency', aliases: []},
  {code: 'Yonhap', name: 'Yonhap News Agency', aliases: []},
  {code: 'PA', name: 'PA Media', aliases: []},
  {code: 'CP', name: 'The Canadian Press', aliases: []},
  {code: 'AAP', name: 'Australian Associated Press', aliases: []},
  {code: 'ANP', name: 'Algemeen Nederlands Persbureau', aliases: []},
  {code: 'TASS', name: 'TASS', aliases: []},
  {code: 'UPI', name: 'United Press International', aliases: []},
]
