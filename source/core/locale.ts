/**
 * True when the locale says UTF-8: the first set of LC_ALL, LC_CTYPE, LANG
 * (the POSIX order) names UTF-8. None set counts as UTF-8: containers and
 * minimal SSH sessions often set no locale while their terminal draws UTF-8,
 * and an explicit C/POSIX locale is what says the terminal cannot.
 */
export function utf8FromEnv(env: Readonly<Record<string, string | undefined>>): boolean {
  for (const name of ['LC_ALL', 'LC_CTYPE', 'LANG']) {
    const value = env[name];
    if (value !== undefined && value !== '') return /utf-?8/i.test(value);
  }
  return true;
}
