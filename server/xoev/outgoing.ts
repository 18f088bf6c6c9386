/**
 * The one entry point for sending: builds the message of a delivery in the route's profile and
 * validates it against its XSD. A message with problems must not be sent; the problems say why.
 */
import type { FormDefinition, XoevProfil } from '../../shared/form-definition.ts';
import { partyProblems } from './header.ts';
import { buildMessage, type MessageInput } from './message-build.ts';
import { buildXBauUniversellerAntrag } from './profiles/xbau-universeller-antrag.ts';
import { xbauUniversellerAntragValidator, xsdValidatorFor } from './validators.ts';
import type { CompiledSchema } from './xsd-validator.ts';

export type { MessageInput, XoevProfil };

export interface PreparedMessage {
  profil: XoevProfil;
  /** The message (UTF-8 XML); empty when it could not be built. */
  xml: string;
  /** Why the message must not be sent; empty when it is valid against its XSD. */
  errors: string[];
}

const builders: Record<XoevProfil, (input: MessageInput) => string> = {
  antragswerk: buildMessage,
  'xbau-universellerAntrag': buildXBauUniversellerAntrag,
};

/** The schema a message of `profil` for this form version must satisfy. */
export function schemaFor(profil: XoevProfil, definition: FormDefinition, formVersion: number): CompiledSchema {
  return profil === 'xbau-universellerAntrag' ? xbauUniversellerAntragValidator() : xsdValidatorFor(definition.id, formVersion, definition);
}

/** Builds and validates; never throws for bad data or parties, reports them in `errors`. */
export function prepareMessage(input: MessageInput & { profil?: XoevProfil }): PreparedMessage {
  const profil = input.profil ?? 'antragswerk';
  const problems = partyProblems({ autor: input.sender, leser: input.leser });
  if (problems.length > 0) return { profil, xml: '', errors: problems };
  let xml: string;
  try {
    xml = builders[profil](input);
  } catch (error) {
    // Data that does not fit the schema, an attachment missing from the input, …
    return { profil, xml: '', errors: [(error as Error).message] };
  }
  return { profil, xml, errors: schemaFor(profil, input.definition, input.submission.formVersion).validate(xml) };
}

/** Re-checks a message built earlier (e.g. stored by a previous attempt) before it is sent again. */
export function validateMessage(profil: XoevProfil, definition: FormDefinition, formVersion: number, xml: string): string[] {
  return schemaFor(profil, definition, formVersion).validate(xml);
}
