/** A word as a POSIX shell reads it back: quoted only when it has to be. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A command line a user can paste. */
export function shellLine(words: readonly string[]): string {
  return words.map(shellWord).join(" ");
}
