/** Wraps a paragraph to a width at spaces (a word longer than the width keeps its own line). */
export function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    if (line !== '' && [...line].length + 1 + [...word].length > width) {
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
