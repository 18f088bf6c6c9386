/**
 * What the tests need from the operating system beyond Node and npm packages: the independent
 * PDF checkers, openssl and, for the browser tests, Chromium. One list, read by the check that
 * `npm test` runs first (scripts/test-prerequisites.ts) and by the tests' own error messages.
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export interface SystemTool {
  /** What is looked for: a command on PATH or a file. */
  name: string;
  /** The Debian packages that provide it. */
  debianPackages: string[];
  /** Which tests need it, in a few words. */
  usedFor: string;
  present(env: NodeJS.ProcessEnv): boolean;
}

function onPath(command: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && isExecutable(path.join(dir, command)));
}

function accessible(file: string, mode: number): boolean {
  try {
    accessSync(file, mode);
    return true;
  } catch {
    return false;
  }
}

const isExecutable = (file: string) => accessible(file, constants.X_OK);

function command(name: string, debianPackages: string[], usedFor: string): SystemTool {
  return { name, debianPackages, usedFor, present: (env) => onPath(name, env) };
}

export const popplerPackage = 'poppler-utils';
export const ghostscriptPackage = 'ghostscript';
export const preflightPackages = ['default-jre-headless', 'libpdfbox2-java', 'libactivation-java', 'libjaxb-api-java'];

/** The jars of PDFBox Preflight and what it loads, as Debian installs them. */
export const preflightJars = ['preflight', 'pdfbox2', 'fontbox2', 'xmpbox', 'commons-logging', 'javax.activation', 'jaxb-api'].map((n) =>
  path.join('/usr/share/java', `${n}.jar`),
);

/** Tools `npm test` needs. */
export const testTools: SystemTool[] = [
  command('openssl', ['openssl'], 'certificates for the mutual-TLS delivery test'),
  ...['pdftotext', 'pdfinfo', 'pdffonts', 'pdfimages', 'pdftoppm'].map((name) =>
    command(name, [popplerPackage], 'text, fonts, images and structure of letters and receipts'),
  ),
  command('gs', [ghostscriptPackage], 'ink coverage of letters (black only)'),
  command('java', ['default-jre-headless'], 'PDFBox Preflight (PDF/A-1b)'),
  {
    name: 'PDFBox Preflight jars',
    debianPackages: preflightPackages.slice(1),
    usedFor: 'PDF/A-1b validation of letters and batches',
    present: () => preflightJars.every((jar) => accessible(jar, constants.R_OK)),
  },
];

/** Chromium for `npm run test:browser` (CHROMIUM_PATH, or Debian's /usr/bin/chromium). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const browserTools: SystemTool[] = [
  { name: chromiumPath, debianPackages: ['chromium'], usedFor: 'the browser tests', present: () => isExecutable(chromiumPath) },
];

export function missingTools(tools: SystemTool[], env: NodeJS.ProcessEnv = process.env): SystemTool[] {
  return tools.filter((tool) => !tool.present(env));
}

export function packagesOf(tools: SystemTool[]): string[] {
  return [...new Set(tools.flatMap((tool) => tool.debianPackages))];
}

/** What to tell someone who must install the tools themselves. */
export function missingToolsMessage(missing: SystemTool[], hasAptGet: boolean): string {
  const lines = missing.map((tool) => `  - ${tool.name} (${tool.debianPackages.join(' ')}): ${tool.usedFor}`);
  const install = hasAptGet
    ? `sudo apt-get update && sudo apt-get install -y ${packagesOf(missing).join(' ')}`
    : `install the Debian packages ${packagesOf(missing).join(' ')} or your system's equivalents`;
  return `The tests need tools that are not installed:\n${lines.join('\n')}\nInstall them with:\n  ${install}`;
}
