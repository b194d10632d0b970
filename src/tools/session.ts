/** Who is calling, from the verified token only: never from the model or the body. */
export interface Session {
  /** `user:<id>` for a signed-in customer, `visitor:<id>` for a visitor (server-issued token), `admin` for the admin token. */
  actor: string;
  userId: string | null;
  email: string | null;
  name: string | null;
  isAdmin: boolean;
}

/** No credentials at all: what authentication returns before the visitor middleware names the visitor. */
export const ANONYMOUS: Session = { actor: 'anon', userId: null, email: null, name: null, isAdmin: false };
