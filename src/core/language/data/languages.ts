/**
 * What language detection knows, as data: the English name of every language it can report, the
 * Unicode blocks of each writing system, and per-language lists of the most frequent function words
 * for the scripts that several languages share. Compiled once by `../detect.ts`; nothing here runs.
 *
 * The word lists were written for lede from general knowledge of each language (the most common
 * articles, prepositions, conjunctions, pronouns and auxiliaries), of similar length so that no
 * language wins by having a longer list. A word may appear under several languages: detection
 * splits its weight between them, so only the words that tell languages apart decide.
 */

/** ISO 639-1 code -> English name, for every language detection can report. */
export const LANGUAGE_NAMES = {
  af: 'Afrikaans',
  am: 'Amharic',
  ar: 'Arabic',
  bg: 'Bulgarian',
  bn: 'Bengali',
  bo: 'Tibetan',
  ca: 'Catalan',
  cs: 'Czech',
  da: 'Danish',
  de: 'German',
  el: 'Greek',
  en: 'English',
  es: 'Spanish',
  et: 'Estonian',
  fa: 'Persian',
  fi: 'Finnish',
  fr: 'French',
  gu: 'Gujarati',
  he: 'Hebrew',
  hi: 'Hindi',
  hr: 'Croatian',
  hu: 'Hungarian',
  hy: 'Armenian',
  id: 'Indonesian',
  it: 'Italian',
  ja: 'Japanese',
  ka: 'Georgian',
  km: 'Khmer',
  kn: 'Kannada',
  ko: 'Korean',
  lo: 'Lao',
  ml: 'Malayalam',
  mr: 'Marathi',
  my: 'Burmese',
  ne: 'Nepali',
  nl: 'Dutch',
  no: 'Norwegian',
  or: 'Odia',
  pa: 'Punjabi',
  pl: 'Polish',
  pt: 'Portuguese',
  ro: 'Romanian',
  ru: 'Russian',
  si: 'Sinhala',
  sk: 'Slovak',
  sl: 'Slovenian',
  sr: 'Serbian',
  sv: 'Swedish',
  sw: 'Swahili',
  ta: 'Tamil',
  te: 'Telugu',
  th: 'Thai',
  tr: 'Turkish',
  uk: 'Ukrainian',
  ur: 'Urdu',
  vi: 'Vietnamese',
  zh: 'Chinese',
} as const satisfies Record<string, string>;

export type LanguageCode = keyof typeof LANGUAGE_NAMES;

/** Writing systems detection tells apart. `Han` and `Kana` together decide between Chinese and Japanese. */
export type Script =
  | 'Latin'
  | 'Greek'
  | 'Cyrillic'
  | 'Armenian'
  | 'Hebrew'
  | 'Arabic'
  | 'Devanagari'
  | 'Bengali'
  | 'Gurmukhi'
  | 'Gujarati'
  | 'Odia'
  | 'Tamil'
  | 'Telugu'
  | 'Kannada'
  | 'Malayalam'
  | 'Sinhala'
  | 'Thai'
  | 'Lao'
  | 'Tibetan'
  | 'Myanmar'
  | 'Georgian'
  | 'Ethiopic'
  | 'Khmer'
  | 'Hangul'
  | 'Kana'
  | 'Han';

export interface ScriptInfo {
  readonly script: Script;
  /** Inclusive code point ranges. */
  readonly ranges: readonly (readonly [number, number])[];
  /**
   * How many letters of Latin text one character of this script is worth when deciding which script
   * dominates: a Han character or a Hangul syllable carries about a word, a Latin letter a fifth of one.
   */
  readonly weight: number;
  /**
   * The language a text in this script is taken to be when no word list decides: the only major
   * language written in it, or (Arabic, Devanagari) the most widely written one.
   */
  readonly language?: LanguageCode;
}

/** Unicode blocks per script. Punctuation inside a block counts too: too rare to matter. */
export const SCRIPTS: readonly ScriptInfo[] = [
  {
    script: 'Latin',
    ranges: [
      [0x41, 0x5a],
      [0x61, 0x7a],
      [0xc0, 0xd6],
      [0xd8, 0xf6],
      [0xf8, 0x24f],
      [0x1e00, 0x1eff],
    ],
    weight: 1,
  },
  {
    script: 'Greek',
    ranges: [
      [0x370, 0x3ff],
      [0x1f00, 0x1fff],
    ],
    weight: 1,
    language: 'el',
  },
  { script: 'Cyrillic', ranges: [[0x400, 0x52f]], weight: 1 },
  { script: 'Armenian', ranges: [[0x531, 0x58f]], weight: 1, language: 'hy' },
  { script: 'Hebrew', ranges: [[0x5d0, 0x5ff]], weight: 1, language: 'he' },
  {
    script: 'Arabic',
    ranges: [
      [0x620, 0x64a],
      [0x66e, 0x6ff],
      [0x750, 0x77f],
      [0x8a0, 0x8ff],
      [0xfb50, 0xfdff],
      [0xfe70, 0xfeff],
    ],
    weight: 1,
    language: 'ar',
  },
  { script: 'Devanagari', ranges: [[0x900, 0x963]], weight: 1, language: 'hi' },
  { script: 'Bengali', ranges: [[0x980, 0x9ff]], weight: 1, language: 'bn' },
  { script: 'Gurmukhi', ranges: [[0xa00, 0xa7f]], weight: 1, language: 'pa' },
  { script: 'Gujarati', ranges: [[0xa80, 0xaff]], weight: 1, language: 'gu' },
  { script: 'Odia', ranges: [[0xb00, 0xb7f]], weight: 1, language: 'or' },
  { script: 'Tamil', ranges: [[0xb80, 0xbff]], weight: 1, language: 'ta' },
  { script: 'Telugu', ranges: [[0xc00, 0xc7f]], weight: 1, language: 'te' },
  { script: 'Kannada', ranges: [[0xc80, 0xcff]], weight: 1, language: 'kn' },
  { script: 'Malayalam', ranges: [[0xd00, 0xd7f]], weight: 1, language: 'ml' },
  { script: 'Sinhala', ranges: [[0xd80, 0xdff]], weight: 1, language: 'si' },
  { script: 'Thai', ranges: [[0xe00, 0xe7f]], weight: 1, language: 'th' },
  { script: 'Lao', ranges: [[0xe80, 0xeff]], weight: 1, language: 'lo' },
  { script: 'Tibetan', ranges: [[0xf00, 0xfff]], weight: 1, language: 'bo' },
  { script: 'Myanmar', ranges: [[0x1000, 0x109f]], weight: 1, language: 'my' },
  { script: 'Georgian', ranges: [[0x10a0, 0x10ff]], weight: 1, language: 'ka' },
  { script: 'Ethiopic', ranges: [[0x1200, 0x137f]], weight: 1, language: 'am' },
  { script: 'Khmer', ranges: [[0x1780, 0x17ff]], weight: 1, language: 'km' },
  {
    script: 'Hangul',
    ranges: [
      [0x1100, 0x11ff],
      [0x3130, 0x318f],
      [0xac00, 0xd7af],
    ],
    weight: 3,
    language: 'ko',
  },
  {
    script: 'Kana',
    ranges: [
      [0x3041, 0x309f],
      [0x30a0, 0x30ff],
      [0x31f0, 0x31ff],
      [0xff66, 0xff9f],
    ],
    weight: 3,
    language: 'ja',
  },
  {
    script: 'Han',
    ranges: [
      [0x3400, 0x4dbf],
      [0x4e00, 0x9fff],
      [0xf900, 0xfaff],
      [0x20000, 0x2ffff],
    ],
    weight: 3,
    language: 'zh',
  },
];

/**
 * Frequent function words per language, for the scripts several languages share. Space-separated,
 * lower case. French, Italian and Catalan elisions ("l'", "dell'") are split at the apostrophe by the
 * detector, so their stubs are listed as words.
 */
export const FUNCTION_WORDS: Readonly<Partial<Record<LanguageCode, { script: Script; words: string }>>> = {
  en: {
    script: 'Latin',
    words:
      'the of and to in a is that for it on was with as be by at are this from have has had were not but ' +
      'they he she his her its an or which their been will would who also said more after about than there ' +
      'when we you can into over',
  },
  es: {
    script: 'Latin',
    words:
      'de la que el en y los del se las por un para con no una su al lo como más pero sus le ya o este ha ' +
      'fue también entre cuando muy sin sobre ser tiene hay dos desde está son según durante han donde ' +
      'porque esta hasta años era fueron todo esto nos ni',
  },
  fr: {
    script: 'Latin',
    words:
      'de la le et les des en du un une est que qui dans pour pas sur au par plus ne se il avec ce sont ont ' +
      'été aux sa son ses mais elle ou cette leur comme entre selon lors où nous vous depuis déjà aussi ' +
      'après très l d qu y était a',
  },
  de: {
    script: 'Latin',
    words:
      'der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden ' +
      'aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur ' +
      'oder aber vor zur bis mehr durch man wurde wurden seit gegen',
  },
  it: {
    script: 'Latin',
    words:
      'di e il la che in per un del della è a non le con da i si una dei al sono gli nel alla anche più come ' +
      'ha ma delle lo ed stato degli nella sul questo essere dopo però tra fra dal quando l dell all nell sua ' +
      'suo anni era',
  },
  pt: {
    script: 'Latin',
    words:
      'de a o que e do da em um para com não uma os no se na por mais as dos como mas ao ele das foi à seu ' +
      'sua ou quando muito nos já também pelo pela até isso entre depois sem mesmo aos ter são está foram ' +
      'segundo anos ainda era',
  },
  ca: {
    script: 'Latin',
    words:
      'de la el i que a en per els amb les del és va un una no al es més com però aquest aquesta dels seu ' +
      'seva també ha han ser fins sobre entre l d any anys van',
  },
  nl: {
    script: 'Latin',
    words:
      'de en van het een in is dat op te zijn met voor niet die aan er maar om ook als dan bij nog uit tot ' +
      'naar wordt werd hij ze door over zou al heeft hebben was kan deze worden geen meer jaar nu',
  },
  af: {
    script: 'Latin',
    words:
      'die en van in is het nie op vir te wat met word sy hy dat na om deur ook was aan as sal by kan hulle ' +
      'ons maar jaar',
  },
  sv: {
    script: 'Latin',
    words:
      'och i att det som en på är av för med till den har inte de om ett var men sig från så vid kan man ' +
      'när hade år eller också efter under skulle mot än nu ska blev sina vi hon han detta dessa mellan vad ' +
      'några blir',
  },
  no: {
    script: 'Latin',
    words:
      'og i at det som en på er av for med til den har ikke de om et var men seg fra så ved kan man når ' +
      'hadde år eller også etter under skulle mot enn nå skal ble sine vi hun han dette disse mellom hva ' +
      'noen blir å',
  },
  da: {
    script: 'Latin',
    words:
      'og i at det som en på er af for med til den har ikke de om et var men sig fra så ved kan man når ' +
      'havde år eller også efter under skulle mod end nu skal blev sine vi hun han dette disse mellem hvad ' +
      'nogen bliver',
  },
  fi: {
    script: 'Latin',
    words:
      'ja on ei se että oli hän mutta kun ovat myös tai joka ole vain jo sen niin kanssa mukaan olla voi ' +
      'jälkeen sekä kuin siitä nyt tämä ne mitä vuonna yli koska hänen jotka ollut',
  },
  tr: {
    script: 'Latin',
    words:
      've bir bu da de için ile olarak çok daha gibi en olan ama ki ne kadar sonra var değil ise veya ' +
      'tarafından şu her göre ancak yılında olduğu arasında yeni büyük ilk bin',
  },
  ro: {
    script: 'Latin',
    words:
      'și şi de la în a cu pe că nu o un este din pentru care mai au sunt se fost ca dar al lui ei acest ' +
      'această după sau fi prin între iar până despre anul unei unui',
  },
  cs: {
    script: 'Latin',
    words:
      'a se v na je že s z ze do o to k i jako ale by jsou pro podle který která které jeho po při tak již už ' +
      'byl byla bylo také ve od než co jejich jsme mezi bude',
  },
  sk: {
    script: 'Latin',
    words:
      'a sa v na je že s z do o to k i ako ale by sú pre podľa ktorý ktorá ktoré jeho po pri tak už bol ' +
      'bola bolo tiež vo od než čo ich sme medzi bude',
  },
  pl: {
    script: 'Latin',
    words:
      'i w na z się nie do to że jest o jak ale po co tak za od przez dla już jego ich był była było są ' +
      'tylko także który która które oraz jednak może przy pod roku jako ma',
  },
  hr: {
    script: 'Latin',
    words:
      'i je u na da se za su od s ne a o što kao to iz će bio bila koji koja koje ali nije godine te sa do ' +
      'samo već prema',
  },
  hu: {
    script: 'Latin',
    words:
      'a az és hogy nem is egy van meg de már csak volt ez el mint még azt ki után kell minden lesz pedig ' +
      'szerint között amely mert vagy ezt sok egyik amikor',
  },
  id: {
    script: 'Latin',
    words:
      'yang dan di ini itu dengan untuk dari dalam tidak akan pada ke juga ada oleh adalah karena sudah ' +
      'atau telah bisa mereka kata para saat lebih tahun menjadi namun bahwa seperti hanya masih kami harus ' +
      'setelah sebagai',
  },
  vi: {
    script: 'Latin',
    words:
      'và của là có không một những được trong cho với người này đã các khi để từ đến năm về cũng như sẽ ' +
      'theo tại đang nhiều',
  },
  sl: {
    script: 'Latin',
    words:
      'in je v na da se za so pa z s ki ne bi to od tudi po kot ali iz sem bo le pri ter še ga jih bil bila ' +
      'bilo pred med',
  },
  et: {
    script: 'Latin',
    words:
      'ja on ei et see ka kui aga oli mis kes ning või nagu pärast veel selle oma seda nii ta tema need ' +
      'olid juba üle kõik',
  },
  sw: {
    script: 'Latin',
    words:
      'na ya wa kwa za la katika ni kuwa hiyo huo cha ambao lakini pia hii yake kama baada zaidi hata wakati ' +
      'sana hilo',
  },
  ru: {
    script: 'Cyrillic',
    words:
      'и в не на что с по он как это к из у за от о для же но так было его она был а все также только ещё ' +
      'бы при после может были их или года который которые её',
  },
  uk: {
    script: 'Cyrillic',
    words:
      'і в не на що з у до як це за від та про його але для так було він вона був а все також тільки ще б ' +
      'при після може були їх або року який які її й',
  },
  bg: {
    script: 'Cyrillic',
    words:
      'и на да се в за с от не е че по са като това ще беше но тя той които му година след при може има ' +
      'бяха във със',
  },
  sr: {
    script: 'Cyrillic',
    words:
      'и у на је да се за су од с не а о што као то из ће био била који која које али није године те са до ' +
      'само већ према',
  },
  ar: {
    script: 'Arabic',
    words:
      'في من على إلى أن التي الذي عن مع هذا هذه كان ما لا وقد قد بين ذلك بعد عام كما أو ثم لم إن وفي كانت',
  },
  fa: {
    script: 'Arabic',
    words: 'و در به از که این را با است برای آن یک شد هم تا بود اما شده خود می ها نیز دارد کرد',
  },
  ur: {
    script: 'Arabic',
    words: 'کے میں کی اور کا ہے کو سے نے یہ پر بھی ہیں تھا کہ ایک لیے گیا',
  },
  hi: {
    script: 'Devanagari',
    words: 'के में की है और को से का एक यह ने पर भी हैं था कि लिए इस नहीं तो गया कर साथ रहे वह जो',
  },
  mr: {
    script: 'Devanagari',
    words: 'आणि आहे हे ते या होते आहेत मध्ये व पण तर असे केले झाले त्यांनी',
  },
  ne: {
    script: 'Devanagari',
    words: 'र को मा ले छ हो यो पनि गरेको छन् भएको थियो तथा गर्न लागि',
  },
};

/**
 * Letters that only some of the languages sharing a script use, and which. They add evidence where
 * function words are scarce (a Russian sentence of nouns, a Polish one with "i" and "w" only); each
 * occurrence counts for a fraction of a function word, so a few foreign names in a text do not tip it.
 */
export const DISTINCTIVE_LETTERS: Readonly<Record<string, string>> = {
  ñ: 'es',
  ã: 'pt',
  õ: 'pt',
  ç: 'fr pt ca tr',
  ß: 'de',
  ø: 'no da',
  æ: 'no da',
  å: 'sv no da',
  ä: 'de sv fi sk',
  ö: 'de sv fi hu tr',
  ü: 'de hu tr',
  ő: 'hu',
  ű: 'hu',
  ł: 'pl',
  ś: 'pl',
  ż: 'pl',
  ź: 'pl',
  ć: 'pl hr',
  ń: 'pl',
  ę: 'pl',
  ą: 'pl',
  ř: 'cs',
  ě: 'cs',
  ů: 'cs',
  ľ: 'sk',
  ĺ: 'sk',
  ŕ: 'sk',
  ô: 'sk fr',
  ș: 'ro',
  ț: 'ro',
  ş: 'tr ro',
  ţ: 'ro',
  ğ: 'tr',
  ı: 'tr',
  đ: 'hr vi',
  ơ: 'vi',
  ư: 'vi',
  è: 'fr it ca',
  ò: 'it ca',
  ì: 'it',
  ù: 'it fr',
  ê: 'fr pt',
  î: 'fr ro',
  ë: 'nl fr af',
  ы: 'ru',
  э: 'ru',
  ё: 'ru',
  ъ: 'ru bg',
  і: 'uk',
  ї: 'uk',
  є: 'uk',
  ґ: 'uk',
  ј: 'sr',
  љ: 'sr',
  њ: 'sr',
  ћ: 'sr',
  ђ: 'sr',
  џ: 'sr',
  پ: 'fa ur',
  چ: 'fa ur',
  ژ: 'fa',
  گ: 'fa ur',
  ی: 'fa',
  ک: 'fa ur',
  ے: 'ur',
  ں: 'ur',
  ٹ: 'ur',
  ڈ: 'ur',
  ڑ: 'ur',
  ہ: 'ur',
  ة: 'ar',
  ي: 'ar',
  ك: 'ar',
};
