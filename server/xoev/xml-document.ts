/**
 * Creating and serialising XML with xmlbuilder2, which escapes `&`, `<`, `>` and quotes. One gap
 * is closed here: xmlbuilder2 writes a carriage return literally, and every XML parser turns a
 * literal CR (or CRLF) into LF, so a value would not arrive as sent. The serialised text carries
 * a raw CR only where data had one (the project writes no CR itself and puts no data in
 * attributes), so each is written as the character reference `&#xD;`, which parsers keep.
 */
import { create } from 'xmlbuilder2';

export type XMLBuilder = ReturnType<typeof create>;

export function newDocument(): XMLBuilder {
  return create({ version: '1.0', encoding: 'UTF-8' });
}

/** The document as UTF-8 text, indented by two spaces, with CR kept as `&#xD;`. */
export function serialize(doc: XMLBuilder): string {
  return doc.end({ prettyPrint: true, indent: '  ', newline: '\n' }).replaceAll('\r', '&#xD;');
}
