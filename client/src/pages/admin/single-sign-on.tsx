/**
 * Signing in through the installation's OpenID provider, when it has one: a link that starts
 * the provider's sign-in (a whole-page navigation, as the provider's page takes over), and the
 * reason when the provider's answer was refused (`?fehler=oidc_<reason>` from the callback).
 */
import { useEffect, useState } from 'react';
import { requestJson } from '../../api/http.ts';
import { useLanguage } from '../../language.tsx';
import { useTexts } from '../../admin/use-texts.ts';

type Reason =
  | 'provider_unreachable'
  | 'provider_error'
  | 'state_mismatch'
  | 'sign_in_expired'
  | 'token_refused'
  | 'claims_missing'
  | 'account_conflict'
  | 'account_disabled';

const texts = {
  de: {
    heading: 'Anmeldung mit dem Dienstkonto',
    intro: 'Ihre Verwaltung meldet Sie über ihr zentrales Anmeldesystem an.',
    start: 'Mit dem Dienstkonto anmelden',
    refused: 'Die Anmeldung mit dem Dienstkonto hat nicht geklappt.',
    reasons: {
      provider_unreachable: 'Das Anmeldesystem ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut.',
      provider_error: 'Das Anmeldesystem hat die Anmeldung abgebrochen oder abgelehnt.',
      state_mismatch: 'Die Anmeldung wurde in einem anderen Browserfenster begonnen. Bitte starten Sie sie hier neu.',
      sign_in_expired: 'Die Anmeldung hat zu lange gedauert oder wurde schon verwendet. Bitte starten Sie sie neu.',
      token_refused: 'Die Antwort des Anmeldesystems war nicht gültig. Bitte wenden Sie sich an die Administration.',
      claims_missing: 'Das Anmeldesystem hat keine E-Mail-Adresse übermittelt. Bitte wenden Sie sich an die Administration.',
      account_conflict: 'Zu Ihrer E-Mail-Adresse gibt es schon ein anderes Konto. Bitte wenden Sie sich an die Administration.',
      account_disabled: 'Ihr Konto ist gesperrt. Bitte wenden Sie sich an die Administration.',
    } satisfies Record<Reason, string>,
  },
  en: {
    heading: 'Sign in with your work account',
    intro: 'Your administration signs you in through its central sign-in service.',
    start: 'Sign in with your work account',
    refused: 'Signing in with your work account did not work.',
    reasons: {
      provider_unreachable: 'The sign-in service cannot be reached right now. Please try again later.',
      provider_error: 'The sign-in service cancelled or refused the sign-in.',
      state_mismatch: 'The sign-in was started in another browser window. Please start it again here.',
      sign_in_expired: 'The sign-in took too long or was already used. Please start it again.',
      token_refused: "The sign-in service's answer was not valid. Please contact your administrators.",
      claims_missing: 'The sign-in service sent no e-mail address. Please contact your administrators.',
      account_conflict: 'Another account already has your e-mail address. Please contact your administrators.',
      account_disabled: 'Your account is disabled. Please contact your administrators.',
    } satisfies Record<Reason, string>,
  },
};

/** The refusal named by `?fehler=oidc_<reason>`, in words; nothing for other addresses. */
export function SingleSignOnRefusal({ search }: { search: string }) {
  const words = useTexts(texts);
  const code = new URLSearchParams(search).get('fehler') ?? '';
  if (!code.startsWith('oidc_')) return null;
  const reason = code.slice(5);
  const text = Object.hasOwn(words.reasons, reason) ? words.reasons[reason as Reason] : undefined;
  return (
    <div className="notice notice--error" role="alert">
      <p>
        {words.refused} {text}
      </p>
    </div>
  );
}

/** The provider's sign-in, offered only when the installation has one. */
export function SingleSignOn() {
  const { lang } = useLanguage();
  const words = useTexts(texts);
  const [offered, setOffered] = useState(false);
  useEffect(() => {
    let current = true;
    requestJson<{ oidc: boolean }>('/api/auth/methods', { lang }).then(
      (methods) => current && setOffered(methods.oidc),
      () => current && setOffered(false),
    );
    return () => {
      current = false;
    };
  }, [lang]);
  if (!offered) return null;
  return (
    <section aria-labelledby="single-sign-on-heading">
      <h2 id="single-sign-on-heading">{words.heading}</h2>
      <p>{words.intro}</p>
      <p>
        <a className="button button--secondary" href="/api/auth/oidc/start">
          {words.start}
        </a>
      </p>
    </section>
  );
}
