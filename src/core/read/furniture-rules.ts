/**
 * Vocabulary and shapes of page furniture: the buttons, promos, credits and notices that come
 * along when an article is copied out of a web page. Rules are general (UI words, the shape of a
 * credit line, the voice of a promo), never one article's strings, so they carry across sites.
 */

/** A whole line matched by `pattern` is furniture when it has at most `maxWords` words. */
export interface LinePattern {
  readonly name: string;
  readonly pattern: RegExp;
  readonly maxWords: number;
}

/** Words that only appear in interface chrome: any of them makes an all-UI line furniture. */
export const UI_WORDS: ReadonlySet<string> = new Set([
  'listen',
  'comment',
  'comments',
  'gift',
  'giftoutline',
  'share',
  'shares',
  'tweet',
  'facebook',
  'twitter',
  'linkedin',
  'whatsapp',
  'reddit',
  'pinterest',
  'flipboard',
  'email',
  'print',
  'save',
  'saved',
  'bookmark',
  'subscribe',
  'subscribers',
  'newsletter',
  'newsletters',
  'advertisement',
  'advert',
  'sponsored',
  'menu',
  'search',
  'login',
  'logout',
  'signin',
  'account',
  'outline',
  'icon',
  'arrow',
  'chevron',
  'caret',
  'toggle',
  'expand',
  'collapse',
  'playlist',
  'audio',
  'podcast',
  'podcasts',
  'video',
  'gallery',
  'slideshow',
  'transcript',
  'copied',
  'clipboard',
]);

/**
 * Words that may sit in a UI line beside the words above without making it prose: function words,
 * reading-time units and generic labels ("Comment on this story", "Listen 5 min").
 */
export const UI_FILLER_WORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'this',
  'that',
  'on',
  'to',
  'in',
  'of',
  'for',
  'via',
  'with',
  'and',
  'or',
  'our',
  'your',
  'us',
  'me',
  'now',
  'here',
  'all',
  'free',
  'min',
  'mins',
  'minute',
  'minutes',
  'sec',
  'secs',
  'read',
  'story',
  'stories',
  'article',
  'articles',
  'page',
  'link',
  'copy',
  'more',
  'show',
  'hide',
  'open',
  'close',
  'sign',
  'log',
  'up',
  'out',
  'in',
  'x',
  'view',
  'views',
  'reply',
  'replies',
  'like',
  'likes',
  'follow',
  'load',
  'right',
  'left',
  'down',
  'small',
  'filled',
]);

/**
 * Parts of CamelCase icon names that leak into copied text ("ArrowRight", "ChevronDown",
 * "GiftOutline"). A CamelCase token made only of these parts is an icon label, not a word.
 */
export const ICON_NAME_PARTS: ReadonlySet<string> = new Set([
  'arrow',
  'chevron',
  'caret',
  'icon',
  'close',
  'menu',
  'hamburger',
  'right',
  'left',
  'up',
  'down',
  'forward',
  'back',
  'play',
  'pause',
  'stop',
  'share',
  'gift',
  'outline',
  'filled',
  'solid',
  'plus',
  'minus',
  'check',
  'checkmark',
  'external',
  'link',
  'search',
  'bookmark',
  'expand',
  'collapse',
  'info',
  'alert',
  'star',
  'heart',
  'mail',
  'email',
  'print',
  'comment',
  'comments',
  'small',
  'large',
  'circle',
  'square',
  'x',
  'more',
  'dots',
  'horizontal',
  'vertical',
  'audio',
  'video',
  'camera',
  'clock',
  'save',
  'saved',
  'copy',
  'twitter',
  'facebook',
  'linkedin',
  'whatsapp',
]);

const SOCIAL =
  'twitter|x|facebook|instagram|linkedin|tiktok|threads|bluesky|mastodon|youtube|whatsapp|telegram';
const PHOTO_AGENCIES =
  'getty images|afp via getty images|shutterstock|alamy|ap photo|associated press|reuters|afp|epa|bloomberg|pool';

/** Whole lines of furniture recognised by their wording and length. */
export const FURNITURE_LINE_PATTERNS: readonly LinePattern[] = Object.freeze([
  {
    name: 'advertisement',
    pattern: /^(?:advertisement|advert|ad|sponsored(?: content)?|paid content)$/i,
    maxWords: 2,
  },
  {
    name: 'continues below',
    pattern: /^(?:story|article|text) continues (?:below|after)(?: (?:this )?(?:advertisement|ad|video))?$/i,
    maxWords: 6,
  },
  {
    name: 'continue reading',
    pattern: /^continue reading(?: (?:the )?(?:main story|below))?$/i,
    maxWords: 5,
  },
  {
    name: 'skip link',
    pattern: /^skip (?:to (?:main )?content|to navigation|navigation|ad|advertisement)$/i,
    maxWords: 5,
  },
  { name: 'share', pattern: /^share (?:this|on|via|the|to)\b/i, maxWords: 8 },
  {
    name: 'newsletter sign-up',
    pattern: /^(?:sign up|subscribe|register)\b.*\bnewsletters?\b/i,
    maxWords: 25,
  },
  { name: 'sign up', pattern: /^sign up (?:for|to|now|today|here)\b/i, maxWords: 25 },
  { name: 'read more', pattern: /^(?:read|see|watch) (?:more|also|next)\b/i, maxWords: 20 },
  { name: 'reading time', pattern: /^\d+ ?min(?:ute)?s? (?:read|listen)$/i, maxWords: 4 },
  {
    name: 'most read',
    pattern: /^(?:most (?:read|popular|viewed)|trending(?: now)?|top stories|editor['’]s picks)$/i,
    maxWords: 4,
  },
  {
    name: 'related',
    pattern:
      /^(?:related|recommended|more on this(?: story)?)(?: (?:articles?|stories|story|coverage|content|reading|topics|links))?\s*(?::|\||$)/i,
    maxWords: 20,
  },
  {
    name: 'photo label',
    pattern: /^(?:photo(?:graph)?|image|picture|illustration|video|graphic|credit)s?(?: credit)?\s*[:|]/i,
    maxWords: 60,
  },
  { name: 'image caption', pattern: /^(?:image|media|video) (?:caption|source|copyright)\b/i, maxWords: 80 },
  {
    name: 'photo credit at end',
    pattern:
      /\((?:[\p{L}.&'’-]+ ){0,4}(?:photo|photos|images|pool|photography)(?: ?\/ ?[^()]{1,80})?\)\.?$/iu,
    maxWords: 80,
  },
  {
    name: 'photo credit',
    pattern: new RegExp(
      String.raw`^(?:[\p{L}.'’ -]{1,60} ?[/|] ?)?(?:${PHOTO_AGENCIES})(?: ?[/|] ?[\p{L}.'’ -]{1,60})?$`,
      'iu',
    ),
    maxWords: 12,
  },
  {
    name: 'cookie notice',
    pattern:
      /\b(?:(?:we|this (?:site|website)|our (?:site|website|partners)) uses? cookies|(?:accept|reject|manage) (?:all )?cookies|cookie (?:policy|settings|preferences|notice|consent))\b/i,
    maxWords: 70,
  },
  {
    name: 'contributed to this report',
    pattern: /\b(?:contributed|contributing)(?: reporting)? to this (?:report|article|story)\.?$/i,
    maxWords: 40,
  },
  {
    name: 'reporting credit',
    pattern: /^[-—–]?\s*(?:additional )?(?:reporting|writing|editing) by\b/i,
    maxWords: 30,
  },
  { name: 'copyright', pattern: /^(?:©|\(c\)|copyright\b)|\ball rights reserved\.?$/i, maxWords: 30 },
  {
    name: 'follow us',
    pattern: new RegExp(String.raw`^follow (?:us|me|[\p{L}.'’ -]{1,40}) on (?:${SOCIAL})\b`, 'iu'),
    maxWords: 20,
  },
  { name: 'social handle', pattern: new RegExp(String.raw`^(?:${SOCIAL})\s*:?\s*@\w+$`, 'i'), maxWords: 3 },
]);

/** Imperative promo openings that need nothing more to be a promo when the sentence is short. */
export const PROMO_ALWAYS =
  /^(?:click (?:here|below)|tap here|read our|subscribe (?:to|now|today|for|here)|sign up\b|download (?:our|the \p{L}+ app)|join (?:us|our)\b|don['’]t miss\b)/iu;

/** Imperative openings that are a promo when the sentence also names something promoted. */
export const PROMO_VERBS =
  /^(?:get|receive|follow|listen to|watch|try|register|support|enjoy|become|sign in|log in|want|like this|for more|for the latest)\b/i;

/** What promos promote. */
export const PROMO_OBJECTS =
  /\b(?:newsletters?|updates|alerts|inbox|subscri(?:be|ber|bers|ption|ptions)|podcasts?|our (?:app|coverage|journalism|reporting)|the app|free trial|membership|notifications|briefing|live blog|live coverage|breaking news)\b/i;

/** Longest sentence the promo rules consider; anything longer is prose that merely mentions these things. */
export const PROMO_MAX_WORDS = 30;

/** The editorial "we" that introduces a promo for other coverage ("We're following ..."). */
export const TEASER_VOICE =
  /^(?:we['’]re|we are|we['’]ve been|we have been|we['’]ll be|we will be) (?:following|tracking|covering|monitoring|live[- ]?blogging|updating|watching|bringing you)\b/i;

/** Longest teaser sentence considered; real quotes in this voice are usually longer or quoted. */
export const TEASER_MAX_WORDS = 40;

/** Longest line the all-UI-words rule considers. */
export const UI_LINE_MAX_WORDS = 16;

/**
 * Prompts that some pages run into the start of the next sentence ("Scroll down for video The prince
 * ...", "READ MORE: ...", "CLICK HERE to ..."): removed from the start of a sentence, the rest kept.
 * A prompt that is the whole sentence is dropped by the line and promo rules above.
 */
export const LEADING_PROMPT =
  /^(?:scroll (?:down|up) (?:for|to see|to watch) (?:the )?(?:videos?|more|pictures|photos)|(?:read|see|watch) more(?: here)?\s*:|click here(?: to [\p{L} ]{1,40}?)?\s*:|(?:watch|see) the video\s*:)\s*/iu;

/**
 * An all-capitals label before a colon at the start of a sentence ("EXPERT VERDICT: ...", "CLAIMS:
 * ..."): a caption or box heading, not prose. One to four words of capitals (digits, hyphens and
 * apostrophes allowed); the colon and what follows it keep the sentence, the label goes. Labels of one
 * or two letters ("US:", "UK:") are left alone: they are as likely a place in a headline-style line.
 */
export const CAPS_LABEL = /^(?:\p{Lu}[\p{Lu}\p{N}'’&-]*\s){0,3}\p{Lu}[\p{Lu}\p{N}'’&-]{2,}:\s+(?=\S)/u;

/**
 * A one-word caption label ("Accused: ...", "Star-crossed: ...", "Pictured: ..."): a capitalised word,
 * hyphens allowed, then a colon and a capitalised or quoted continuation. Prose introduces speech with
 * two or more words ("He said: ..."), so one word alone before the colon is a label.
 */
export const CAPTION_LABEL = /^\p{Lu}\p{Ll}+(?:-\p{Ll}+)?:\s+(?=["“‘'\p{Lu}\p{N}])/u;
