/**
 * Reading an uncompressed PDF (pdfkit with `compress: false`) and the structure tree poppler
 * prints, for the checks that no viewer-independent tool here makes: the catalogue entries of a
 * tagged PDF, and that every glyph and stroke on a page is either tagged content or an artifact.
 */
import assert from 'node:assert/strict';
import { popplerPackage, run } from './support.ts';

/** The dictionary text of object `id` (`id 0 obj … endobj`). */
function objectText(pdf: string, id: number): string {
  const start = pdf.search(new RegExp(`(^|\\n)${id} 0 obj\\n`));
  assert.ok(start >= 0, `object ${id} not found`);
  return pdf.slice(start, pdf.indexOf('endobj', start));
}

/** The document catalogue's dictionary. */
export function catalogue(pdf: string): string {
  const match = /\n(\d+) 0 obj\n<<\n\/Type \/Catalog\n/.exec(pdf);
  assert.ok(match, 'no catalogue object');
  return objectText(pdf, Number(match[1]));
}

/** The object an entry of `dictionary` refers to (`/Name n 0 R`), as text. */
export function referenced(pdf: string, dictionary: string, name: string): string {
  const match = new RegExp(`/${name} (\\d+) 0 R`).exec(dictionary);
  assert.ok(match, `no /${name} reference`);
  return objectText(pdf, Number(match[1]));
}

/** The content stream of every page, in page order. */
export function pageContents(pdf: string): string[] {
  const pages = [...pdf.matchAll(/\n\d+ 0 obj\n<<\n\/Type \/Page\n[\s\S]*?\/Contents (\d+) 0 R/g)];
  return pages.map((page) => {
    const text = objectText(pdf, Number(page[1]));
    return text.slice(text.indexOf('stream\n') + 'stream\n'.length, text.lastIndexOf('endstream'));
  });
}

const painting = /(^|\s)(TJ|Tj|'|"|S|s|f|F|f\*|B|B\*|b|b\*|Do|sh)$/;

/**
 * Operators that paint (text, strokes, fills, images) outside any marked content that is either
 * tagged (has an MCID) or an Artifact: untagged content, which assistive technology cannot place.
 */
export function untaggedPainting(stream: string): string[] {
  // A marked-content dictionary spans lines; put each on one line.
  const lines = stream.replace(/<<([^<>]*)>>\s*BDC/g, (_, body: string) => `<<${body.replace(/\s+/g, ' ')}>> BDC`).split('\n');
  const open: Array<{ tagged: boolean }> = [];
  const found: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    const begin = /^\/(\w+) (<<.*>> BDC|BMC)$/.exec(line);
    if (begin) {
      open.push({ tagged: begin[1] === 'Artifact' || /\/MCID \d+/.test(begin[2]!) });
    } else if (line === 'EMC') {
      assert.ok(open.pop(), 'EMC without a marked-content sequence');
    } else if (painting.test(line) && !open.some((marking) => marking.tagged)) {
      found.push(line);
    }
  }
  assert.equal(open.length, 0, 'a marked-content sequence is not closed');
  return found;
}

export interface StructNode {
  type: string;
  text: string;
  children: StructNode[];
}

/** The structure tree as `pdfinfo -struct-text` prints it (two spaces per level, text quoted). */
export function structureTree(file: string): StructNode {
  const result = run('pdfinfo', ['-struct-text', file], popplerPackage);
  assert.equal(result.status, 0, result.stderr);
  const root: StructNode = { type: '(root)', text: '', children: [] };
  const path: StructNode[] = [root];
  for (const line of result.stdout.split('\n')) {
    if (line.trim() === '') continue;
    const depth = (line.length - line.trimStart().length) / 2;
    const content = line.trim();
    const parent = path[depth];
    assert.ok(parent, `unexpected indentation: ${line}`);
    if (content.startsWith('"') && content.endsWith('"')) {
      parent.text += content.slice(1, -1);
      continue;
    }
    const node: StructNode = { type: content.split(' ')[0]!, text: '', children: [] };
    parent.children.push(node);
    path[depth + 1] = node;
    path.length = depth + 2;
  }
  return root;
}

export function nodesOfType(node: StructNode, type: string): StructNode[] {
  return [...(node.type === type ? [node] : []), ...node.children.flatMap((child) => nodesOfType(child, type))];
}

/** Every list item as "label: value" (a group's value is the labels of what it holds). */
export function labelledValues(tree: StructNode): string[] {
  return nodesOfType(tree, 'LI').map((item) => {
    const label = item.children.find((child) => child.type === 'Lbl')?.text ?? '';
    const body = item.children.find((child) => child.type === 'LBody');
    return `${label}: ${body?.text ?? ''}`;
  });
}
