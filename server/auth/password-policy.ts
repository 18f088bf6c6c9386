/**
 * What a new password must be: at least 12 characters (counted as characters, not bytes), at
 * most 1024 (the hashing cost stays bounded), and not the account's own e-mail address. No
 * composition rules: length protects more than forced special characters (NIST SP 800-63B).
 */
import type { Texts } from '../../shared/i18n.ts';

export const minPasswordLength = 12;
export const maxPasswordLength = 1024;

/** The problems of `password` as a new password of the account `email`; empty when it is fine. */
export function passwordProblems(password: string, email: string): Texts[] {
  const length = [...password.normalize('NFC')].length;
  const problems: Texts[] = [];
  if (length < minPasswordLength)
    problems.push({ de: `Das Passwort muss mindestens ${minPasswordLength} Zeichen lang sein.`, en: `The password must have at least ${minPasswordLength} characters.` });
  if (length > maxPasswordLength)
    problems.push({ de: `Das Passwort darf höchstens ${maxPasswordLength} Zeichen lang sein.`, en: `The password must have at most ${maxPasswordLength} characters.` });
  if (password.trim().toLowerCase() === email.trim().toLowerCase())
    problems.push({ de: 'Das Passwort darf nicht die E-Mail-Adresse sein.', en: 'The password must not be the e-mail address.' });
  return problems;
}
