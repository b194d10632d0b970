/**
 * The host page's sign-in, followed rather than copied: with a Supabase client the widget reads
 * the current session and listens for changes (token refresh, sign-in, sign-out); with
 * `getToken` it asks before every request. Without either the visitor is anonymous and the
 * gateway's HttpOnly visitor cookie names them.
 */
export interface SupabaseLike {
  auth: {
    getSession(): Promise<{ data: { session: { access_token: string } | null } }>;
    onAuthStateChange(callback: (event: string, session: { access_token: string } | null) => void): unknown;
  };
}

export interface AuthOptions {
  supabase?: SupabaseLike;
  getToken?: () => string | null | undefined | Promise<string | null | undefined>;
}

export interface Auth {
  token(): Promise<string | null>;
}

/** `onChange` is told when the signed-in user changes (not on a mere token refresh). */
export function createAuth(options: AuthOptions, onChange: (signedIn: boolean) => void): Auth {
  const { supabase, getToken } = options;
  if (supabase) {
    let current: string | null = null;
    const ready = supabase.auth
      .getSession()
      .then(({ data }) => {
        current = data.session?.access_token ?? null;
      })
      .catch(() => undefined);
    supabase.auth.onAuthStateChange((event, session) => {
      const before = current;
      current = session?.access_token ?? null;
      if (event === 'SIGNED_OUT' || (before === null) !== (current === null)) onChange(current !== null);
    });
    return {
      async token() {
        await ready;
        return current;
      },
    };
  }
  if (getToken) {
    return {
      async token() {
        try {
          return (await getToken()) ?? null;
        } catch {
          return null;
        }
      },
    };
  }
  return { token: async () => null };
}
