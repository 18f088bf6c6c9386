/**
 * Cases of the official JSON-Schema-Test-Suite (draft 2020-12) that the server's validator
 * configuration (`createAjv()` in shared/validation/ajv.ts) deliberately or knowingly does not
 * pass. Read by test/json-schema-test-suite.test.ts; documented in docs/json-schema-conformance.md.
 *
 * Rules:
 * - `file` is relative to tests/draft2020-12/ (e.g. 'optional/format/email.json'), `group` and
 *   `test` are the suite's `description` strings, verbatim.
 * - `test` omitted = the whole group. Only used where the group's *schema* is rejected by
 *   `createAjv()` at compile time (then no case of the group can pass). Wrong verdicts are always
 *   excluded case by case, even when every case of the group fails.
 * - Every entry says why, in one sentence. Entries that no longer match a case fail the test;
 *   excluded cases are still run, and one that starts passing is reported (not failed).
 */

export type ExclusionCategory =
  /** Our choice: formats are assertions (ajv-formats + validateFormats), the suite's default is annotation-only. */
  | 'format-asserted-by-design'
  /** ajv-formats has no implementation of the format; strict mode then refuses to compile the schema. */
  | 'format-not-implemented'
  /** ajv-formats implements the format, but its check deviates from the RFC on this input. */
  | 'format-check-deviation'
  /** Our choice: `strictSchema` refuses unknown or ineffective keywords/formats instead of ignoring them. */
  | 'strict-mode-by-design'
  /** ajv implements `$dynamicRef`/`$dynamicAnchor` only partially. */
  | 'dynamic-ref-partial'
  /** Other ajv defects or limitations (also skipped in ajv's own run of the suite where noted). */
  | 'ajv-defect'
  /** Custom meta-schemas, `$vocabulary` and cross-dialect references are not supported by ajv. */
  | 'dialect-and-vocabulary'
  /** Numbers are IEEE 754 doubles in JavaScript. */
  | 'number-precision';

export interface Exclusion {
  file: string;
  group: string;
  /** Omitted: the whole group (only for schemas that do not compile under createAjv()). */
  test?: string;
  category: ExclusionCategory;
  reason: string;
}

const ANNOTATION_ONLY =
  'Formats are asserted by design (a form field with "format": "email" must reject a non-address), while this required-suite case expects format to be an annotation only.';

function formatAnnotation(format: string): Exclusion {
  return {
    file: 'format.json',
    group: `${format} format`,
    test: `invalid ${format} string is only an annotation by default`,
    category: 'format-asserted-by-design',
    reason: ANNOTATION_ONLY,
  };
}

function formatMissing(file: string, group: string, format: string): Exclusion {
  return {
    file,
    group,
    category: 'format-not-implemented',
    reason: `ajv-formats has no "${format}" format, and strict mode turns the unknown format into a compile error (by design, so a form cannot silently lose a check).`,
  };
}

function deviation(file: string, group: string, test: string, reason: string): Exclusion {
  return { file, group, test, category: 'format-check-deviation', reason };
}

const PUNYCODE =
  'ajv-formats checks hostnames syntactically (LDH labels) and does not decode A-labels (xn--) to apply the IDNA2008/RFC 5891 rules, so this invalid A-label is accepted.';

function punycode(test: string): Exclusion {
  return deviation('optional/format/hostname.json', 'validation of A-label (punycode) host names', test, PUNYCODE);
}

function strict(file: string, group: string, reason: string): Exclusion {
  return { file, group, category: 'strict-mode-by-design', reason };
}

const LONE_IF =
  'Strict mode rejects "if" without "then"/"else" (and "then"/"else" without "if") because the keyword has no effect, by design.';

function dynamic(file: string, group: string, test: string | undefined, reason: string): Exclusion {
  return test === undefined
    ? { file, group, category: 'dynamic-ref-partial', reason }
    : { file, group, test, category: 'dynamic-ref-partial', reason };
}

/**
 * ajv models "$dynamicRef" on draft 2019-09's "$recursiveRef": the value must be a bare fragment;
 * at run time it jumps to the first "$dynamicAnchor" of that name entered so far, but only if
 * ajv saw that anchor while compiling (it never compiles "$defs" nothing "$ref"s); otherwise it
 * jumps to the root of the compiled schema, not to the anchor or pointer target.
 */
const DYN_MODEL =
  'ajv resolves "$dynamicRef" on its simplified "$recursiveRef" model (first "$dynamicAnchor" of that name it compiled and entered, otherwise the root of the compiled schema) instead of the spec\'s lexical-then-dynamic resolution, which gives the wrong verdict here';

export const exclusions: readonly Exclusion[] = [
  // ── format.json: formats asserted by design ────────────────────────────────────────────────
  ...[
    'email',
    'regex',
    'ipv4',
    'ipv6',
    'hostname',
    'date',
    'date-time',
    'time',
    'json-pointer',
    'relative-json-pointer',
    'uri',
    'uri-reference',
    'uri-template',
    'uuid',
    'duration',
  ].map(formatAnnotation),

  // ── formats ajv-formats does not implement (schema does not compile in strict mode) ───────
  formatMissing('format.json', 'idn-email format', 'idn-email'),
  formatMissing('format.json', 'idn-hostname format', 'idn-hostname'),
  formatMissing('format.json', 'iri format', 'iri'),
  formatMissing('format.json', 'iri-reference format', 'iri-reference'),
  formatMissing('optional/format/idn-email.json', 'validation of an internationalized e-mail addresses', 'idn-email'),
  formatMissing('optional/format/idn-hostname.json', 'validation of internationalized host names', 'idn-hostname'),
  formatMissing('optional/format/idn-hostname.json', 'validation of separators in internationalized host names', 'idn-hostname'),
  formatMissing('optional/format/iri.json', 'validation of IRIs', 'iri'),
  formatMissing('optional/format/iri-reference.json', 'validation of IRI References', 'iri-reference'),

  // ── ajv-formats checks that deviate from the RFCs (optional suite) ─────────────────────────
  deviation('optional/format/date-time.json', 'validation of date-time strings', 'a numeric offset without minutes is invalid',
    'ajv-formats accepts a numeric offset without minutes ("+01"), which RFC 3339 time-numoffset does not allow.'),
  deviation('optional/format/date-time.json', 'validation of date-time strings', 'hour 24 is invalid even with a leap second',
    'ajv-formats checks a leap second only on the UTC-adjusted time, so local hour 24 ("24:59:60+01:00") passes although RFC 3339 allows hours 00-23 only.'),
  deviation('optional/format/date-time.json', 'validation of date-time strings', 'a second fraction of fifteen nines is valid',
    'ajv-formats parses the seconds as a JavaScript number, where 59.999999999999999 rounds to 60, so it rejects a fraction that RFC 3339 allows.'),
  deviation('optional/format/duration.json', 'validation of duration strings', 'years and days cannot appear without months',
    'ajv-formats\' duration regex lets components skip a unit ("P1Y2D"), which the RFC 3339 appendix A grammar forbids.'),
  deviation('optional/format/duration.json', 'validation of duration strings', 'hours and seconds cannot appear without minutes',
    'ajv-formats\' duration regex lets components skip a unit ("PT1H2S"), which the RFC 3339 appendix A grammar forbids.'),
  deviation('optional/format/ecmascript-regex.json', '\\a is not an ECMA 262 control escape', 'when used as a pattern',
    'ajv-formats checks "regex" with new RegExp() without the "u" flag, where the identity escape \\a is legal, so it is accepted although ECMA-262 has no \\a control escape.'),
  ...[
    'a quoted string with a space in the local part is valid',
    'a quoted string with a double dot in the local part is valid',
    'a quoted string with a @ in the local part is valid',
  ].map((test) => deviation('optional/format/email.json', 'validation of e-mail addresses', test,
    'ajv-formats\' email check does not implement RFC 5321 quoted-string local parts and rejects this valid address.')),
  ...['an IPv4-address-literal after the @ is valid', 'an IPv6-address-literal after the @ is valid'].map((test) =>
    deviation('optional/format/email.json', 'validation of e-mail addresses', test,
      'ajv-formats\' email check does not implement RFC 5321 address literals ("[127.0.0.1]") and rejects this valid address.')),
  deviation('optional/format/hostname.json', 'validation of host names', 'trailing dot',
    'ajv-formats accepts a fully qualified name with a trailing dot, which the suite treats as invalid for the "hostname" format.'),
  ...[
    'invalid Punycode',
    'contains illegal char U+302E Hangul single dot tone mark',
    'Begins with a Spacing Combining Mark',
    'Begins with a Nonspacing Mark',
    'Begins with an Enclosing Mark',
    'Exceptions that are DISALLOWED, right-to-left chars',
    'Exceptions that are DISALLOWED, left-to-right chars',
    "MIDDLE DOT with no preceding 'l'",
    'MIDDLE DOT with nothing preceding',
    "MIDDLE DOT with no following 'l'",
    'MIDDLE DOT with nothing following',
    'Greek KERAIA not followed by Greek',
    'Greek KERAIA not followed by anything',
    'Hebrew GERESH not preceded by Hebrew',
    'Hebrew GERESH not preceded by anything',
    'Hebrew GERSHAYIM not preceded by Hebrew',
    'Hebrew GERSHAYIM not preceded by anything',
    'KATAKANA MIDDLE DOT with no Hiragana, Katakana, or Han',
    'KATAKANA MIDDLE DOT with no other characters',
    'Arabic-Indic digits mixed with Extended Arabic-Indic digits',
    'ZERO WIDTH JOINER not preceded by Virama',
    'ZERO WIDTH JOINER not preceded by anything',
    'contains "--" in the 3rd and 4th position',
  ].map(punycode),
  ...[
    'a double quote in a path',
    'square brackets outside an authority',
    'a non-numeric port in a network-path reference',
    'more than one at-sign in the authority',
    'a leading zero in the IPv4 part of an IPv6 literal',
    'a colon in the first segment of a relative-path reference',
  ].map((test) => deviation('optional/format/uri-reference.json', 'validation of URI References', test,
    'ajv-formats\' "uri-reference" regex is more permissive than RFC 3986 and accepts this invalid reference.')),
  deviation('optional/format/uri-template.json', 'format: uri-template', 'a dotted variable name is valid',
    'ajv-formats\' "uri-template" regex does not allow "." inside a variable name, which RFC 6570 varname permits.'),
  deviation('optional/format/uri-template.json', 'format: uri-template', 'a delete character in a literal is invalid',
    'ajv-formats\' "uri-template" regex accepts a DEL character in a literal, which RFC 6570 excludes.'),
  deviation('optional/format/uri-template.json', 'format: uri-template', 'an apostrophe in a literal is valid',
    'ajv-formats\' "uri-template" regex rejects an apostrophe in a literal, which RFC 6570 allows.'),
  ...['non-numeric port is invalid', 'leading zero in an embedded IPv4 address is invalid', 'square brackets are not allowed in a path segment']
    .map((test) => deviation('optional/format/uri.json', 'validation of URIs', test,
      'ajv-formats\' "uri" regex is more permissive than RFC 3986 and accepts this invalid URI.')),
  deviation('optional/format/uuid.json', 'uuid format', 'URN prefixed UUID is invalid',
    'ajv-formats\' "uuid" check accepts the "urn:uuid:" prefix, while the suite requires the bare RFC 4122 form.'),

  // ── strict mode, by design ─────────────────────────────────────────────────────────────────
  strict('optional/format/unknown.json', 'unknown format',
    'Strict mode turns an unknown format into a compile error instead of ignoring it, by design (a typo in a format name must not switch the check off).'),
  strict('if-then-else.json', 'ignore if without then or else', LONE_IF),
  strict('if-then-else.json', 'ignore then without if', LONE_IF),
  strict('if-then-else.json', 'ignore else without if', LONE_IF),
  strict('if-then-else.json', 'non-interference across combined schemas', LONE_IF),
  strict('ref.json', 'ref to if', LONE_IF),
  strict('ref.json', 'ref to then', LONE_IF),
  strict('ref.json', 'ref to else', LONE_IF),
  strict('unevaluatedItems.json', 'unevaluatedItems can see annotations from if without then and else', LONE_IF),
  strict('unevaluatedProperties.json', 'unevaluatedProperties can see annotations from if without then and else', LONE_IF),
  strict('unevaluatedItems.json', 'unevaluatedItems and contains interact to control item dependency relationship',
    'Strict mode rejects the lone "if" in this schema by design (ajv\'s own suite run additionally skips four of its cases as an unevaluatedItems/contains defect).'),
  strict('maxContains.json', 'maxContains without contains is ignored',
    'Strict mode rejects "maxContains" without "contains" because it has no effect, by design.'),
  strict('minContains.json', 'minContains without contains is ignored',
    'Strict mode rejects "minContains" without "contains" because it has no effect, by design.'),
  strict('minContains.json', 'maxContains < minContains',
    'Strict mode rejects "minContains" > "maxContains" because the schema can never be satisfied, by design.'),
  strict('minContains.json', 'minContains = 0',
    'Strict mode rejects "minContains": 0 without "maxContains" because it makes "contains" ineffective, by design.'),
  strict('unevaluatedItems.json', 'unevaluatedItems with minContains = 0',
    'Strict mode rejects "minContains": 0 without "maxContains" because it makes "contains" ineffective, by design.'),
  strict('properties.json', 'properties, patternProperties, additionalProperties interaction',
    'Strict mode rejects a property name that is also matched by a patternProperties pattern (ajv option allowMatchingProperties), by design.'),
  ...[
    'reference of a root arbitrary keyword ',
    'reference of a root arbitrary keyword with encoded ref',
    'reference of an arbitrary keyword of a sub-schema',
    'reference of an arbitrary keyword of a sub-schema with encoded ref',
  ].map((group) => strict('optional/refOfUnknownKeyword.json', group,
    'Strict mode rejects the unknown keyword the schema refers into, by design (a misspelt keyword must not be silently ignored).')),
  strict('optional/unknownKeyword.json', '$id inside an unknown keyword is not a real identifier',
    'Strict mode rejects the unknown keyword by design; ajv fails even earlier because it registers "$id"s found inside unknown keywords and reports them as ambiguous.'),

  // ── $anchor under strict mode (ajv defect) ─────────────────────────────────────────────────
  dynamic('dynamicRef.json',
    'A $dynamicRef that initially resolves to a schema without a matching $dynamicAnchor behaves like a normal $ref to $anchor',
    undefined, `${DYN_MODEL} (also skipped in ajv's own suite run).`),

  // ── $dynamicRef: partial support in ajv ────────────────────────────────────────────────────
  dynamic('dynamicRef.json', 'A $dynamicRef to a $dynamicAnchor in the same schema resource behaves like a normal $ref to an $anchor',
    'An array of strings is valid', `${DYN_MODEL} (also skipped in ajv's own suite run).`),
  dynamic('dynamicRef.json', 'A $dynamicRef to an $anchor in the same schema resource behaves like a normal $ref to an $anchor',
    'An array of strings is valid', `${DYN_MODEL} (also skipped in ajv's own suite run).`),
  dynamic('dynamicRef.json', 'A $dynamicRef resolves to the first $dynamicAnchor still in scope that is encountered when the schema is evaluated',
    'An array of strings is valid', `${DYN_MODEL} (also skipped in ajv's own suite run).`),
  dynamic('dynamicRef.json', 'A $dynamicRef without anchor in fragment behaves identical to $ref', 'An array of numbers is valid',
    'ajv takes the pointer fragment "#/$defs/items" for an anchor name, finds no such "$dynamicAnchor" and validates against the schema root instead of the pointer target.'),
  dynamic('dynamicRef.json', 'A $dynamicRef with intermediate scopes that don\'t include a matching $dynamicAnchor does not affect dynamic scope resolution',
    'An array of strings is valid', `${DYN_MODEL} (also skipped in ajv's own suite run).`),
  dynamic('dynamicRef.json', 'An $anchor with the same name as a $dynamicAnchor is not used for dynamic scope resolution',
    'Any array is valid', `${DYN_MODEL} (also skipped in ajv's own suite run).`),
  dynamic('dynamicRef.json', 'A $dynamicRef without a matching $dynamicAnchor in the same schema resource behaves like a normal $ref to $anchor',
    'Any array is valid', `${DYN_MODEL} (also skipped in ajv's own suite run).`),
  dynamic('dynamicRef.json', 'A $dynamicRef with a non-matching $dynamicAnchor in the same schema resource behaves like a normal $ref to $anchor',
    'Any array is valid', `${DYN_MODEL} (also skipped in ajv's own suite run).`),
  dynamic('dynamicRef.json', 'A $dynamicRef that initially resolves to a schema with a matching $dynamicAnchor resolves to the first $dynamicAnchor in the dynamic scope',
    undefined, 'ajv only supports "$dynamicRef" values that are a bare fragment ("#name") and refuses to compile "$dynamicRef": "intermediate-scope#items" (also skipped in ajv\'s own suite run).'),
  dynamic('dynamicRef.json', 'after leaving a dynamic scope, it is not used by a $dynamicRef', undefined,
    'ajv only supports "$dynamicRef" values that are a bare fragment ("#name") and refuses to compile "$dynamicRef": "extended#meta" (also skipped in ajv\'s own suite run).'),
  ...['number list with string values', 'string list with number values'].map((test) =>
    dynamic('dynamicRef.json', 'multiple dynamic paths to the $dynamicRef keyword', test,
      `${DYN_MODEL}: it accepts this invalid list (a false accept).`)),
  ...['tests for implementation dynamic anchor and reference link', '$ref and $dynamicAnchor are independent of order - $defs first', '$ref and $dynamicAnchor are independent of order - $ref first']
    .map((group) => dynamic('dynamicRef.json', group, 'correct extended schema',
      `${DYN_MODEL} (also skipped in ajv's own suite run).`)),
  ...['number is valid', 'non-number is invalid'].map((test) =>
    dynamic('dynamicRef.json', '$ref to $dynamicRef finds detached $dynamicAnchor', test,
      'ajv recurses without end (stack overflow at validation time) when a "$ref" enters a remote schema whose "$dynamicRef" targets a detached "$dynamicAnchor".')),
  dynamic('dynamicRef.json', '$dynamicRef points to a boolean schema', 'follow $dynamicRef to a false schema',
    'ajv takes the pointer fragment "#/$defs/false" for an anchor name and validates against the schema root, so the false schema is never applied (a false accept).'),
  dynamic('dynamicRef.json', '$dynamicRef skips over intermediate resources - direct reference', 'integer property passes',
    `${DYN_MODEL}.`),
  ...['data is sufficient for schema at second#/$defs/length', 'data is not sufficient for schema at second#/$defs/length']
    .map((test) => dynamic('dynamicRef.json', '$dynamicRef avoids the root of each schema, but scopes are still registered', test,
      'ajv recurses without end (stack overflow at validation time) resolving "$dynamicRef" across several "$ref"-linked resources.')),
  dynamic('optional/dynamicRef.json', '$dynamicRef skips over intermediate resources - pointer reference across resource boundary',
    'integer property passes',
    `${DYN_MODEL}.`),
  ...['with no unevaluated items', 'with unevaluated items'].map((test) =>
    dynamic('unevaluatedItems.json', 'unevaluatedItems with $dynamicRef', test,
      'ajv recurses without end (stack overflow at validation time) combining "$dynamicRef" with "unevaluatedItems".')),
  ...['with no unevaluated properties', 'with unevaluated properties'].map((test) =>
    dynamic('unevaluatedProperties.json', 'unevaluatedProperties with $dynamicRef', test,
      'ajv recurses without end (stack overflow at validation time) combining "$dynamicRef" with "unevaluatedProperties".')),

  // ── other ajv defects and limitations ──────────────────────────────────────────────────────
  {
    file: 'enum.json',
    group: 'empty enum',
    category: 'ajv-defect',
    reason: 'ajv refuses to compile "enum": [] ("enum must have non-empty array") although the 2020-12 meta-schema allows it.',
  },
  {
    file: 'ref.json',
    group: 'refs with relative uris and defs',
    category: 'ajv-defect',
    reason: 'ajv overflows the stack compiling a "$ref": "#/$defs/…" inside an embedded resource (own relative "$id") that is itself reached by "$ref" (also skipped in ajv\'s own suite run).',
  },
  {
    file: 'ref.json',
    group: 'relative refs with absolute uris and defs',
    category: 'ajv-defect',
    reason: 'ajv overflows the stack compiling a "$ref": "#/$defs/…" inside an embedded resource (own absolute "$id") that is itself reached by "$ref" (also skipped in ajv\'s own suite run).',
  },
  {
    file: 'ref.json',
    group: 'URN ref with nested pointer ref',
    category: 'ajv-defect',
    reason: 'ajv overflows the stack compiling a "$ref": "#/$defs/…" inside an embedded resource (own URN "$id") that is itself reached by "$ref".',
  },
  ...['with no additional items', 'with invalid additional item'].map((test): Exclusion => ({
    file: 'unevaluatedItems.json',
    group: 'unevaluatedItems with nested items',
    test,
    category: 'ajv-defect',
    reason: 'ajv mis-tracks which items an "anyOf" branch evaluated: it rejects an array fully evaluated by the passing branch and accepts one only partly seen by a failing branch (one false reject, one false accept).',
  })),
  {
    file: 'unevaluatedItems.json',
    group: 'unevaluatedItems depends on adjacent contains',
    test: 'contains passes, second item is not evaluated',
    category: 'ajv-defect',
    reason: 'ajv marks all items as evaluated when "contains" passes, instead of only the matching ones (a false accept; also skipped in ajv\'s own suite run).',
  },
  {
    file: 'unevaluatedItems.json',
    group: 'unevaluatedItems depends on multiple nested contains',
    test: '7 not evaluated, fails unevaluatedItems',
    category: 'ajv-defect',
    reason: 'ajv marks all items as evaluated when "contains" passes, instead of only the matching ones (a false accept; also skipped in ajv\'s own suite run).',
  },
  {
    file: 'unevaluatedProperties.json',
    group: 'unevaluatedProperties with if/then/else, then not defined',
    test: 'when if is true and has no unevaluated properties',
    category: 'ajv-defect',
    reason: 'ajv drops the annotations of a successful "if" when there is no "then", so a property evaluated by "if" counts as unevaluated (a false reject).',
  },
  {
    file: 'unevaluatedProperties.json',
    group: 'unevaluatedProperties with if/then/else, then not defined',
    test: 'when if is false and has unevaluated properties',
    category: 'ajv-defect',
    reason: 'ajv keeps the annotations of a failed "if", so a property seen only by the failed "if" counts as evaluated (a false accept; also skipped in ajv\'s own suite run).',
  },

  {
    file: 'properties.json',
    group: 'properties whose names are Javascript object property names',
    test: '__proto__ not valid',
    category: 'ajv-defect',
    reason: 'ajv never applies a subschema listed under "__proto__" in properties, so a wrong "__proto__" value is accepted (request bodies with that key are refused before validation).',
  },

  // ── dialects, vocabularies, meta-schemas ───────────────────────────────────────────────────
  {
    file: 'vocabulary.json',
    group: 'schema that uses custom metaschema with with no validation vocabulary',
    test: 'no validation: invalid number, but it still validates',
    category: 'dialect-and-vocabulary',
    reason: 'ajv does not evaluate "$vocabulary" in a custom meta-schema, so it keeps applying the validation vocabulary the meta-schema leaves out.',
  },
  {
    file: 'optional/format-assertion.json',
    group: 'schema that uses custom metaschema with format-assertion: false',
    category: 'dialect-and-vocabulary',
    reason: 'ajv does not ship the format-assertion vocabulary meta-schema, so the custom meta-schema that "$ref"s it cannot be resolved.',
  },
  {
    file: 'optional/format-assertion.json',
    group: 'schema that uses custom metaschema with format-assertion: true',
    category: 'dialect-and-vocabulary',
    reason: 'ajv does not ship the format-assertion vocabulary meta-schema, so the custom meta-schema that "$ref"s it cannot be resolved.',
  },
  {
    file: 'optional/cross-draft.json',
    group: 'refs to historic drafts are processed as historic drafts',
    category: 'dialect-and-vocabulary',
    reason: 'An Ajv2020 instance cannot process draft 2019-09 schemas, so the referenced 2019-09 remote is not loaded and the "$ref" cannot be resolved.',
  },
  {
    file: 'optional/float-overflow.json',
    group: 'all integers are multiples of 0.5, if overflow is handled',
    test: 'valid if optional overflow handling is implemented',
    category: 'number-precision',
    reason: '1e308 / 0.5 overflows to Infinity in IEEE 754 doubles, so ajv\'s multipleOf check fails; the suite marks overflow handling as optional.',
  },
];
