/**
 * ajv-i18n with the portal's two languages only. The client build resolves `ajv-i18n` to this
 * module (vite.config.ts), so shared/validation/messages.ts words ajv's errors exactly as on
 * the server while the bundle leaves out some thirty other languages.
 */
import de from 'ajv-i18n/localize/de';
import en from 'ajv-i18n/localize/en';

export default { de, en };
