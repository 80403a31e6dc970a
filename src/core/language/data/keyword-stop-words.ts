/**
 * Words that are never a keyword on their own, though they are content words for the summary: numbers
 * spelt out, months and weekdays, units of time, and the verbs and adverbs news prose uses for anything
 * ("expected", "ahead", "least"). Matched on the Porter stem, so "expects" and "expecting" go too; a name
 * phrase that contains one ("Bank of England", "May Day") is not affected.
 */
export const KEYWORD_STOP_WORDS: readonly string[] =
  // numbers, ordinals and amounts
  (
    'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen ' +
    'seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds ' +
    'thousand thousands million millions billion billions trillion dozen dozens half quarter ' +
    'first second third fourth fifth sixth seventh eighth ninth tenth once twice ' +
    'cent percent per pct mln bln dlrs vs ' +
    // time
    'january february march april may june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'monday tuesday wednesday thursday friday saturday sunday ' +
    'today yesterday tomorrow tonight morning afternoon evening night day days week weeks weekend month ' +
    'months year years decade decades time times hour hours minute minutes moment period date ' +
    'earlier later recent recently soon ago ' +
    // generic verbs
    'expected expect expects expecting announced announce added add made make makes making take taken took ' +
    'takes taking give given gave gives get got gets go goes going gone went come came comes coming put puts ' +
    'set sets see seen saw look looks looked seem seemed show shows showed shown think thought know known ' +
    'want wanted need needs needed help helped use used uses using keep kept call called calls ' +
    'told tell tells asked ask says say said added noted stated confirmed reported ' +
    'become became becomes begin began begun start started starts end ended ends lived live ' +
    'remain remains remained continue continued continues include includes included including ' +
    'hold held holds run running ran led lead leads found find finds ' +
    // generic adverbs, adjectives and fillers
    'ahead least most more less lot lots back next last ' +
    'every each other others another several many much few little whole own same different ' +
    'big bigger biggest large larger largest small smaller smallest high higher highest low lower lowest ' +
    'long longer longest short good better best bad worse worst great greater new old top ' +
    'not also just even still already yet again ever never always often sometimes usually ' +
    'well very really quite rather almost nearly around about above below across along ' +
    'far further likely unlikely possible able major key main side part way ways thing things ' +
    'people man men woman women number numbers lot kind sort'
  ).split(' ');
