/** Terminal colour codes: they take no column on screen. */
const ANSI = /\u001b\[[0-9;]*m/g;

/** The columns a text takes on screen (characters, colour codes left out). */
const visible = (s: string): number => [...s.replace(ANSI, '')].length;

/**
 * Wraps a paragraph to a width at spaces (a word longer than the width keeps its own line). Colour
 * codes count for nothing, so a coloured paragraph (the table's legend) wraps where it looks full.
 */
export function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    if (line !== '' && visible(line) + 1 + visible(word) > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

/**
 * A paragraph wrapped to `width` with a hanging indent: the first line starts with `first` ("- "),
 * the others with as many spaces, and every line, indent included, stays within the width.
 */
export function hangingWrap(text: string, width: number, first: string): string[] {
  const indent = ' '.repeat([...first].length);
  return wrap(text, Math.max(1, width - indent.length))
    .split('\n')
    .map((l, i) => (i === 0 ? first : indent) + l);
}
