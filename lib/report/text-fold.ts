/**
 * Terminal-safe text: newlines, tabs and other control characters in any field (a reason quoting an
 * API message, a resource name, a multi-line fix) would break the table's layout or, for escape
 * sequences, drive the terminal. They become one space (or `?` for other control characters).
 */
export function foldLine(text: string): string {
  const spaced = text.replace(/[\r\n\t\u2028\u2029]+/g, ' ');
  let safe = '';
  for (const ch of spaced) safe += isControl(ch.charCodeAt(0)) ? '?' : ch;
  return safe.replace(/ {2,}/g, ' ').trim();
}

function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/**
 * Word-wraps `text` (folded first) into lines of at most `width` characters, each after `indent`;
 * `firstPrefix` starts the first line. A word longer than a line (an ARN, a URL) is cut, not overflowed.
 */
export function wrapText(text: string, width: number, indent: string, firstPrefix = ''): string[] {
  const room = Math.max(20, width - indent.length);
  const lines: string[] = [];
  let line = firstPrefix;
  for (const word of foldLine(text).split(' ')) {
    let rest = word;
    while (rest.length > 0) {
      const sep = line.length === 0 ? '' : ' ';
      if (line.length + sep.length + rest.length <= room) {
        line += sep + rest;
        rest = '';
      } else if (line.length === 0 || rest.length > room) {
        const take = room - line.length - sep.length;
        if (take <= 0) {
          lines.push(line);
          line = '';
          continue;
        }
        line += sep + rest.slice(0, take);
        rest = rest.slice(take);
        lines.push(line);
        line = '';
      } else {
        lines.push(line);
        line = '';
      }
    }
  }
  if (line.length > 0 || lines.length === 0) lines.push(line);
  return lines.map((l) => indent + l);
}
