/**
 * Lower-case particles inside personal and organisation names ("Charles de Gaulle", "Ursula von der
 * Leyen", "Mohammed bin Salman", "Banco de España"): the name finder keeps them inside a name, and
 * acronym matching skips them ("BdE").
 */
export const NAME_PARTICLES: readonly string[] = Object.freeze([
  'de',
  'del',
  'della',
  'da',
  'di',
  'du',
  'van',
  'von',
  'der',
  'den',
  'al',
  'bin',
  'bint',
  'y',
]);
