/**
 * Translates a JSON Schema `pattern` (ECMAScript, `u` flag, matched anywhere in the value) into
 * an XSD pattern facet (XML Schema regular expression, matched against the whole value), or
 * answers undefined when the pattern uses what XSD cannot say the same way (lookaround,
 * backreferences, word boundaries, Unicode property escapes, anchors inside groups, …).
 *
 * The translation must accept exactly what the ECMAScript pattern accepts: an XSD that were
 * stricter than the form would make a valid submission undeliverable. So `\d`, `\w`, `\s` and
 * `.` become explicit classes (their XSD meanings differ), and a side without `^`/`$` gets an
 * "anything" prefix or suffix.
 */

class Untranslatable extends Error {}

const anything = '[\\s\\S]*';
/** ECMAScript's \s: WhiteSpace and LineTerminator. */
const jsSpaceMembers = '\\t\\n\\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const classEscapes: Record<string, string> = { d: '0-9', w: 'A-Za-z0-9_', s: jsSpaceMembers };
/** Characters that need a backslash in an XSD regex outside a character class. */
const xsdMeta = new Set(['.', '\\', '?', '*', '+', '{', '}', '(', ')', '[', ']', '|', '^', '-']);
/** Characters that need a backslash inside an XSD character class. */
const xsdClassMeta = new Set(['\\', '[', ']', '-', '^']);

function literal(char: string, inClass: boolean): string {
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  if (char === '\t') return '\\t';
  const code = char.codePointAt(0)!;
  // Characters XML 1.0 cannot carry at all (the pattern lives in an attribute).
  if ((code < 0x20 && code !== 0x9 && code !== 0xa && code !== 0xd) || code === 0xfffe || code === 0xffff || (code >= 0xd800 && code <= 0xdfff))
    throw new Untranslatable();
  return (inClass ? xsdClassMeta : xsdMeta).has(char) ? `\\${char}` : char;
}

class Parser {
  private i = 0;
  private readonly chars: string[];

  constructor(source: string) {
    this.chars = [...source];
  }

  private peek(offset = 0): string | undefined {
    return this.chars[this.i + offset];
  }

  private next(): string {
    const c = this.chars[this.i++];
    if (c === undefined) throw new Untranslatable();
    return c;
  }

  get done(): boolean {
    return this.i >= this.chars.length;
  }

  /** Top level: alternatives, each with its own optional `^` and `$`. */
  topLevel(): string {
    const alternatives: string[] = [];
    for (;;) {
      let start = false;
      if (this.peek() === '^') {
        this.i++;
        start = true;
      }
      let body = this.sequence(true);
      let end = false;
      if (this.peek() === '$') {
        this.i++;
        end = true;
      }
      if (!(this.done || this.peek() === '|')) throw new Untranslatable();
      alternatives.push(`${start ? '' : anything}${body === '' ? '' : `(${body})`}${end ? '' : anything}`);
      if (this.done) break;
      this.i++; // '|'
    }
    return alternatives.length === 1 ? alternatives[0]! : alternatives.map((a) => `(${a})`).join('|');
  }

  /** A sequence up to `|`, `)` or (at top level) a final `$`. */
  private sequence(top: boolean): string {
    let out = '';
    while (!this.done) {
      const c = this.peek()!;
      if (c === '|' || c === ')') break;
      if (c === '$') {
        if (top && (this.i === this.chars.length - 1 || this.peek(1) === '|')) break;
        throw new Untranslatable();
      }
      if (c === '^') throw new Untranslatable();
      out += this.atom() + this.quantifier();
    }
    return out;
  }

  private disjunction(): string {
    const parts = [this.sequence(false)];
    while (this.peek() === '|') {
      this.i++;
      parts.push(this.sequence(false));
    }
    return parts.join('|');
  }

  private atom(): string {
    const c = this.next();
    switch (c) {
      case '.':
        return '[^\\n\\r\u2028\u2029]';
      case '(': {
        if (this.peek() === '?') {
          this.i++;
          const kind = this.next();
          if (kind === '<' && this.peek() !== '=' && this.peek() !== '!') {
            while (this.next() !== '>');
          } else if (kind !== ':') throw new Untranslatable();
        }
        const inner = this.disjunction();
        if (this.next() !== ')') throw new Untranslatable();
        return `(${inner})`;
      }
      case '[':
        return this.characterClass();
      case '\\':
        return this.escape(false);
      case '*':
      case '+':
      case '?':
      case '{':
      case '}':
      case ']':
        throw new Untranslatable();
      default:
        return literal(c, false);
    }
  }

  private quantifier(): string {
    const c = this.peek();
    let out = '';
    if (c === '*' || c === '+' || c === '?') {
      this.i++;
      out = c;
    } else if (c === '{') {
      const rest = this.chars.slice(this.i).join('');
      const m = /^\{(\d+)(,(\d*))?\}/.exec(rest);
      if (!m) throw new Untranslatable();
      this.i += [...m[0]].length;
      out = m[0];
    } else return '';
    if (this.peek() === '?') this.i++; // lazy: the same set of whole-value matches
    if (this.peek() === '*' || this.peek() === '+' || this.peek() === '?' || this.peek() === '{') throw new Untranslatable();
    return out;
  }

  /** A character escape; in a class, class escapes come back as members without brackets. */
  private escape(inClass: boolean): string {
    const c = this.next();
    const members = classEscapes[c];
    if (members !== undefined) return inClass ? members : `[${members}]`;
    const negated = classEscapes[c.toLowerCase()];
    if (negated !== undefined && /[DWS]/.test(c)) {
      if (inClass) throw new Untranslatable();
      return `[^${negated}]`;
    }
    switch (c) {
      case 'n':
        return '\\n';
      case 'r':
        return '\\r';
      case 't':
        return '\\t';
      case 'u':
        return literal(this.unicodeEscape(), inClass);
      case 'x': {
        const hex = this.next() + this.next();
        if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new Untranslatable();
        return literal(String.fromCodePoint(parseInt(hex, 16)), inClass);
      }
      default:
        if (/[\^$\\.*+?()[\]{}|/-]/.test(c)) return literal(c, inClass);
        throw new Untranslatable(); // \b \B \1 \k \p \P \c \f \v \0 …
    }
  }

  private unicodeEscape(): string {
    if (this.peek() === '{') {
      this.i++;
      let hex = '';
      while (this.peek() !== '}') hex += this.next();
      this.i++;
      if (!/^[0-9a-fA-F]{1,6}$/.test(hex)) throw new Untranslatable();
      return String.fromCodePoint(parseInt(hex, 16));
    }
    const hex = this.next() + this.next() + this.next() + this.next();
    if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new Untranslatable();
    const high = parseInt(hex, 16);
    if (high >= 0xd800 && high <= 0xdbff && this.peek() === '\\' && this.peek(1) === 'u') {
      const low = parseInt(this.chars.slice(this.i + 2, this.i + 6).join(''), 16);
      if (low >= 0xdc00 && low <= 0xdfff) {
        this.i += 6;
        return String.fromCodePoint((high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000);
      }
    }
    return String.fromCharCode(high);
  }

  private classAtom(): { text: string; char?: string } {
    const c = this.next();
    if (c === '\\') {
      const before = this.i;
      const escaped = this.escape(true);
      const source = this.chars.slice(before, this.i).join('');
      // A single-character escape can bound a range; a class escape cannot.
      const single = /^[dws]$/.test(source) ? undefined : escaped;
      return single === undefined ? { text: escaped } : { text: escaped, char: single };
    }
    const text = literal(c, true);
    return { text, char: text };
  }

  private characterClass(): string {
    let negate = false;
    if (this.peek() === '^') {
      this.i++;
      negate = true;
    }
    if (this.peek() === ']') {
      this.i++;
      if (negate) return '[\\s\\S]';
      throw new Untranslatable(); // [] matches nothing
    }
    let members = '';
    while (this.peek() !== ']') {
      const from = this.classAtom();
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== undefined) {
        this.i++;
        const to = this.classAtom();
        if (from.char === undefined || to.char === undefined) throw new Untranslatable();
        members += `${from.char}-${to.char}`;
      } else members += from.text;
    }
    this.i++;
    return `[${negate ? '^' : ''}${members}]`;
  }
}

/** The XSD pattern that accepts exactly the values `pattern` accepts, or undefined. */
export function xsdPattern(pattern: string): string | undefined {
  try {
    new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
  try {
    return new Parser(pattern).topLevel();
  } catch (error) {
    if (error instanceof Untranslatable) return undefined;
    throw error;
  }
}
