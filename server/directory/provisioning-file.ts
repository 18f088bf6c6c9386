/**
 * The provisioning file (PROVISIONING_FILE, format in docs/provisioning.md): read once at start
 * and checked as a whole; every problem is listed as "/json/pointer: message".
 */
import { readFile } from 'node:fs/promises';
import { provisioningFile, type ProvisioningFile, type TargetContext } from './schemas.ts';

export type ProvisioningRead = { file: ProvisioningFile; problems: [] } | { file: undefined; problems: string[] };

const pointer = (path: PropertyKey[]) => `/${path.map((p) => String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;

/** Every problem of the file's content (shape and cross-references), or the parsed file. */
export function checkProvisioning(content: unknown, context: TargetContext): ProvisioningRead {
  const result = provisioningFile(context).safeParse(content);
  if (result.success) return { file: result.data, problems: [] };
  return { file: undefined, problems: result.error.issues.map((issue) => `${pointer(issue.path)}: ${issue.message}`) };
}

export async function readProvisioning(path: string, context: TargetContext): Promise<ProvisioningRead> {
  let content: unknown;
  try {
    content = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    return { file: undefined, problems: [`/: ${(error as Error).message}`] };
  }
  return checkProvisioning(content, context);
}
