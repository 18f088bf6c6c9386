/** Words of the account pages (new account and account detail). */
export const accountTexts = {
  de: {
    labels: {
      '/email': 'E-Mail-Adresse',
      '/name': 'Name',
      '/password': 'Passwort',
      '/admin': 'Administration der Installation',
      '/disabled': 'Konto gesperrt',
    } as Record<string, string>,
    passwordHint: 'Mindestens 12 Zeichen, nicht die E-Mail-Adresse. Teilen Sie es der Person auf sicherem Weg mit.',
  },
  en: {
    labels: {
      '/email': 'E-mail address',
      '/name': 'Name',
      '/password': 'Password',
      '/admin': 'Administration of the installation',
      '/disabled': 'Account disabled',
    } as Record<string, string>,
    passwordHint: 'At least 12 characters, not the e-mail address. Pass it on to the person securely.',
  },
};
