/**
 * Built-in starting data: the distributors the import recognises out of the box. The
 * import writes these as `distributor` documents once; from then on the documents are
 * the source of truth and a newsroom adds or edits distributors in the Studio.
 */

/** What kind of paragraph a marker phrase identifies. */
export type MarkerKind = 'disclaimer' | 'boilerplate' | 'categoryLabel'

export interface MarkerPhrase {
  /** Stable key, also the Portable-Text-style `_key` when stored. */
  _key: string
  /** What the phrase identifies. */
  kind: MarkerKind
  /** BCP 47 language of the copy this phrase appears in. */
  language: string
  /** Literal opening words of the paragraph (or the label, for category lines). */
  text: string
  /**
   * For boilerplate: the whole paragraph with placeholders {mediaOutlets},
   * {journalists}, {desktops}, {countries} and {languages}, from which the import reads
   * the distributor's reach and languages.
   */
  template?: string
  /** For boilerplate: language names as written in this language, mapped to BCP 47. */
  languageNames?: {_key: string; name: string; code: string}[]
}

export interface DistributorSeed {
  /** Deterministic document id. */
  _id: string
  name: string
  slug: {_type: 'slug'; current: string}
  website: string
  description: string
  markers: {
    /** Dateline tags exactly as they open distributed copy, e.g. "(SeaPRwire)". */
    datelineTags: string[]
    /** Domains whose links in the body point at the distributor. */
    domains: string[]
    /** Disclaimer, boilerplate and category-label phrases per language. */
    phrases: MarkerPhrase[]
  }
}

const SERVED = ['en', 'ko', 'ja', 'ar', 'zh-Hans', 'zh-Hant', 'vi', 'th', 'id', 'ms', 'de', 'ru', 'fr', 'es', 'pt']

function names(language: string, list: string[]): MarkerPhrase['languageNames'] {
  return list.map((name, index) => ({_key: `${language}-${SERVED[index]}`, name, code: SERVED[index]!}))
}

export const BUILTIN_DISTRIBUTORS: DistributorSeed[] = [
  {
    _id: 'distributor.seaprwire',
    name: 'SeaPRwire',
    slug: {_type: 'slug', current: 'seaprwire'},
    website: 'https://www.seaprwire.com/',
    description: 'Press release distribution wire serving Asia, Europe and the Americas.',
    markers: {
      datelineTags: ['(SeaPRwire)'],
      domains: ['seaprwire.com'],
      phrases: [
        {
          _key: 'de-disclaimer',
          kind: 'disclaimer',
          language: 'de',
          text: 'Der Artikel wird von einem Drittanbieter bereitgestellt.',
        },
        {
          _key: 'en-disclaimer',
          kind: 'disclaimer',
          language: 'en',
          text: 'The article is provided by a third-party content provider.',
        },
        {
          _key: 'fr-disclaimer',
          kind: 'disclaimer',
          language: 'fr',
          text: "L'article est fourni par un fournisseur de contenu tiers.",
        },
        {
          _key: 'es-disclaimer',
          kind: 'disclaimer',
          language: 'es',
          text: 'El artículo es proporcionado por un proveedor de contenido externo.',
        },
        {_key: 'de-category', kind: 'categoryLabel', language: 'de', text: 'Branchen:'},
        {_key: 'en-category', kind: 'categoryLabel', language: 'en', text: 'Sectors:'},
        {_key: 'fr-category', kind: 'categoryLabel', language: 'fr', text: 'Secteurs:'},
        {_key: 'es-category', kind: 'categoryLabel', language: 'es', text: 'Sectores:'},
        {
          _key: 'de-boilerplate',
          kind: 'boilerplate',
          language: 'de',
          text: 'SeaPRwire liefert Echtzeit-Pressemitteilungsverteilung',
          template:
            'SeaPRwire liefert Echtzeit-Pressemitteilungsverteilung für Unternehmen und Institutionen und erreicht mehr als {mediaOutlets} Medienshops, {journalists} Redakteure und Journalisten sowie {desktops} professionelle Desktops in {countries} Ländern. SeaPRwire unterstützt die Verteilung von Pressemitteilungen in {languages} und anderen Sprachen.',
          languageNames: names('de', [
            'Englisch',
            'Koreanisch',
            'Japanisch',
            'Arabisch',
            'Vereinfachtem Chinesisch',
            'Traditionellem Chinesisch',
            'Vietnamesisch',
            'Thailändisch',
            'Indonesisch',
            'Malaiisch',
            'Deutsch',
            'Russisch',
            'Französisch',
            'Spanisch',
            'Portugiesisch',
          ]),
        },
        {
          _key: 'en-boilerplate',
          kind: 'boilerplate',
          language: 'en',
          text: 'SeaPRwire delivers real-time press release distribution',
          template:
            'SeaPRwire delivers real-time press release distribution for companies and institutions, reaching more than {mediaOutlets} media stores, {journalists} editors and journalists, and {desktops} professional desktops across {countries} countries. SeaPRwire supports press release distribution in {languages} and other languages.',
          languageNames: names('en', [
            'English',
            'Korean',
            'Japanese',
            'Arabic',
            'Simplified Chinese',
            'Traditional Chinese',
            'Vietnamese',
            'Thai',
            'Indonesian',
            'Malay',
            'German',
            'Russian',
            'French',
            'Spanish',
            'Portuguese',
          ]),
        },
        {
          _key: 'fr-boilerplate',
          kind: 'boilerplate',
          language: 'fr',
          text: 'SeaPRwire fournit une distribution de communiqués de presse en temps réel',
          template:
            'SeaPRwire fournit une distribution de communiqués de presse en temps réel pour les entreprises et les institutions, atteignant plus de {mediaOutlets} médias, {journalists} éditeurs et journalistes, et {desktops} bureaux professionnels dans {countries} pays. SeaPRwire prend en charge la distribution de communiqués de presse en {languages} et d’autres langues.',
          languageNames: names('fr', [
            'anglais',
            'coréen',
            'japonais',
            'arabe',
            'chinois simplifié',
            'chinois traditionnel',
            'vietnamien',
            'thaï',
            'indonésien',
            'malais',
            'allemand',
            'russe',
            'français',
            'espagnol',
            'portugais',
          ]),
        },
        {
          _key: 'es-boilerplate',
          kind: 'boilerplate',
          language: 'es',
          text: 'SeaPRwire ofrece distribución de comunicados de prensa en tiempo real',
          template:
            'SeaPRwire ofrece distribución de comunicados de prensa en tiempo real para empresas e instituciones, llegando a más de {mediaOutlets} tiendas de medios, {journalists} editores y periodistas, y {desktops} escritorios profesionales en {countries} países. SeaPRwire admite la distribución de comunicados de prensa en {languages} y otros idiomas.',
          languageNames: names('es', [
            'inglés',
            'coreano',
            'japonés',
            'árabe',
            'chino simplificado',
            'chino tradicional',
            'vietnamita',
            'tailandés',
            'indonesio',
            'malayo',
            'alemán',
            'ruso',
            'francés',
            'español',
            'portugués',
          ]),
        },
      ],
    },
  },
  // Wires the data knows only by their dateline form: copy from them is recognised as
  // third-party and flagged, but their disclaimers and boilerplate are not yet known.
  {
    _id: 'distributor.globenewswire',
    name: 'GlobeNewswire',
    slug: {_type: 'slug', current: 'globenewswire'},
    website: 'https://www.globenewswire.com/',
    description: 'Press release distribution wire.',
    markers: {datelineTags: ['(GLOBE NEWSWIRE)'], domains: ['globenewswire.com'], phrases: []},
  },
  {
    _id: 'distributor.prnewswire',
    name: 'PR Newswire',
    slug: {_type: 'slug', current: 'prnewswire'},
    website: 'https://www.prnewswire.com/',
    description: 'Press release distribution wire.',
    markers: {datelineTags: ['/PRNewswire/'], domains: ['prnewswire.com'], phrases: []},
  },
  {
    _id: 'distributor.einpresswire',
    name: 'EIN Presswire',
    slug: {_type: 'slug', current: 'einpresswire'},
    website: 'https://www.einpresswire.com/',
    description: 'Press release distribution wire.',
    markers: {datelineTags: ['/EINPresswire.com/'], domains: ['einpresswire.com'], phrases: []},
  },
]
