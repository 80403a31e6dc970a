/**
 * What counts as page furniture in an HTML page, as data. Elements are removed before Readability
 * sees the page, because Readability keeps share bars and newsletter boxes that sit inside the
 * article container.
 */

/** Elements that never hold article prose. */
export const FURNITURE_TAGS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'math',
  'canvas',
  'form',
  'button',
  'select',
  'input',
  'textarea',
  'nav',
  'header',
  'footer',
  'aside',
  'figcaption',
  'caption',
  'dialog',
  'object',
  'embed',
  'video',
  'audio',
  'picture',
  'img',
  'link',
  'meta',
]);

/**
 * Words in a class, id or aria-label that mark furniture. Matched against whole parts of the
 * name (split on `-`, `_`, spaces and CamelCase) so "share" matches `article-share-bar` but not
 * `shareholders`, and "ad" matches `ad-slot` but not `header` or `read`.
 */
export const FURNITURE_NAME_PARTS: ReadonlySet<string> = new Set([
  'cookie',
  'cookies',
  'consent',
  'gdpr',
  'banner',
  'share',
  'sharing',
  'sharebar',
  'social',
  'newsletter',
  'newsletters',
  'subscribe',
  'subscription',
  'signup',
  'promo',
  'promos',
  'promotion',
  'promoted',
  'related',
  'recommended',
  'recommendation',
  'recommendations',
  'advert',
  'adverts',
  'advertisement',
  'advertising',
  'ad',
  'ads',
  'adslot',
  'adunit',
  'sponsor',
  'sponsored',
  'outbrain',
  'taboola',
  'comment',
  'comments',
  'breadcrumb',
  'breadcrumbs',
  'caption',
  'figcaption',
  'credit',
  'paywall',
  'popup',
  'modal',
  'toolbar',
  // Bylines and datelines are read as metadata before removal; left in, they become a "sentence".
  'byline',
  'dateline',
  'timestamp',
]);

/** ARIA landmark roles of site chrome rather than content. */
export const FURNITURE_ROLES: ReadonlySet<string> = new Set([
  'banner',
  'navigation',
  'complementary',
  'contentinfo',
  'search',
  'dialog',
  'alertdialog',
  'menu',
  'menubar',
  'toolbar',
]);

/** Elements that end a run of text: their content is a paragraph (or a line, for list items). */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'br',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Elements whose text is left out of the body: headings are structure and `pre` holds code. */
export const SKIPPED_TEXT_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre']);
