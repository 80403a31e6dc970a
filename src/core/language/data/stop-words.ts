/**
 * Stop words lede adds to natural's lists, written for lede. natural ships no German list (its German
 * stemmer borrows one from another package), so German's is here in full; for every language there
 * are the reporting verbs, calendar words and small numbers of news prose, which carry no topic
 * ("dijo", "según", "lundi") but would otherwise make quote-heavy or dated sentences look central,
 * and a few frequent function words natural's lists miss (Russian "по", Portuguese "foi").
 * Space-separated, lower case.
 */
export const GERMAN_STOP_WORDS =
  'aber alle allem allen aller alles als also am an ander andere anderen anderer anderes auch auf aus bei ' +
  'beim bereits bin bis bist bisher da dabei dadurch dafür dagegen daher damit danach dann darauf darin ' +
  'darum das dass dem den denen denn der deren des dessen deshalb die dies diese diesem diesen dieser ' +
  'dieses doch dort du durch ein eine einem einen einer eines einige einigen einmal er es etwa etwas euch ' +
  'für gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ' +
  'ihren ihrer im immer in indem ins ist ja jede jedem jeden jeder jedes jedoch jetzt kann kaum kein keine ' +
  'keinen können könnte machen man manche mehr mein meine mit muss musste nach nachdem nein nicht nichts ' +
  'noch nun nur ob oder ohne schon sehr sei sein seine seinem seinen seiner seit seitdem sich sie sind so ' +
  'sodass solche soll sollen sollte sondern sowie sowohl über um und uns unser unsere unter viel viele vom ' +
  'von vor während wann war wäre waren warum was weil weiter welche welchem welchen welcher wenn wer werde ' +
  'werden wie wieder will wir wird wirst wo wollen wollte wurde wurden zu zum zur zwar zwischen';

/** News fillers per language, added to the language's stop list. */
export const NEWS_STOP_WORDS = {
  en:
    'said says say told according also would could should may might must will can one two new year years ' +
    'last first like just even still many much more most however since while among per including mr mrs ms ' +
    'monday tuesday wednesday thursday friday saturday sunday',
  de:
    'sagte sagt sagten erklärte teilte mitteilte laut zufolge jahr jahre jahren prozent heute gestern montag ' +
    'dienstag mittwoch donnerstag freitag samstag sonntag zwei drei neue neuen ersten',
  es:
    'dijo dice afirmó aseguró explicó señaló añadió indicó según además también año años ayer hoy día días ' +
    'semana mes lunes martes miércoles jueves viernes sábado domingo más muy fue ha han había hay son era ' +
    'sido ser está están este esta estos estas ese esa todo todos toda todas entre sobre hasta desde ' +
    'durante tras ante dos uno una',
  fr:
    'a dit déclaré affirmé expliqué indiqué ajouté selon également aussi année années ans an hier ' +
    "aujourd'hui jour jours semaine mois lundi mardi mercredi jeudi vendredi samedi dimanche plus très été " +
    'était sont ont deux c d j l m n s t qu',
  it:
    'detto dichiarato spiegato secondo inoltre anche anno anni ieri oggi giorno giorni settimana mese lunedì ' +
    'martedì mercoledì giovedì venerdì sabato domenica più molto due l d dell nell all dall sull',
  pt:
    'disse afirmou explicou segundo além também ano anos ontem hoje dia dias semana mês segunda terça ' +
    'quarta quinta sexta sábado domingo mais muito dois duas foi foram é são era está estão ser sido ter tem ' +
    'têm há',
  nl:
    'zei zegt volgens aldus ook jaar jaren gisteren vandaag dag dagen week maand maandag dinsdag woensdag ' +
    'donderdag vrijdag zaterdag zondag twee',
  sv:
    'sade säger enligt också år året igår idag dag dagar vecka månad måndag tisdag onsdag torsdag fredag ' +
    'lördag söndag två',
  no: 'sa sier ifølge også år året dag dager uke måned mandag tirsdag onsdag torsdag fredag lørdag søndag to',
  ru:
    'сказал сказала заявил заявила сообщил сообщила отметил также году год года лет вчера сегодня день ' +
    'дней неделе месяц понедельник вторник среду четверг пятницу субботу воскресенье два две по на не что ' +
    'это с к у из же бы нём ней них который которая которое которые которого которой этот эта эти этого ' +
    'этой',
  uk:
    'сказав сказала заявив заявила повідомив повідомила також році рік року років вчора сьогодні день днів ' +
    'тиждень місяць понеділок вівторок середу четвер суботу неділю два дві на не що це з у та й який яка ' +
    'яке які якого якої цей ця ці цього цієї його її їх ще',
} as const;
