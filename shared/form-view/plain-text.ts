/**
 * Titles and descriptions may be written in Markdown. Everywhere they are shown (portal, summary,
 * receipt PDF, letters) they appear as the same plain text: emphasis, links, lists and headings
 * reduced to their words (a link keeps its address in brackets, a numbered line its number), raw
 * HTML dropped, so nothing an author writes becomes markup.
 */
import removeMarkdown from 'remove-markdown';

const link = /\[([^\]\n]+)\]\(([^)\s]+)\)/g;

export function plainText(markdown: string): string {
  const withAddresses = markdown.replace(link, (_, text: string, address: string) => (text === address ? address : `${text} (${address})`));
  return removeMarkdown(withAddresses, { gfm: true, useImgAltText: true, stripListLeaders: false }).trim();
}
