// The text after a command's options in --help: prose paragraphs are reflowed to the terminal (at
// most 100 columns; 80 when piped) so they never break mid-word at 80; indented lines (examples) are kept as written.
import { wrap } from './render/wrap.js';

export function helpAfter(text: string): () => string {
  return () => {
    // Piped help gets 80 columns, as commander gives its own part.
    const width = process.stdout.isTTY === true && process.stdout.columns ? Math.min(process.stdout.columns - 1, 100) : 79;
    const out: string[] = [];
    let paragraph: string[] = [];
    const flush = (): void => {
      if (paragraph.length > 0) out.push(wrap(paragraph.join(' '), width));
      paragraph = [];
    };
    for (const line of text.split('\n')) {
      if (line.trim() === '' || /^\s/.test(line) || line.endsWith(':')) {
        flush();
        out.push(line);
      } else paragraph.push(line);
    }
    flush();
    return out.join('\n');
  };
}
