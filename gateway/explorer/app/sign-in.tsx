import { useState, type FormEvent } from 'react';
import { Button, pick, useGraphiQL, type GraphiQLPlugin, type MonacoEditor } from '@graphiql/react';
import { COMPLETE_LOGIN, LOGOUT, PARTNER_TOKEN, START_LOGIN } from './operations';
import { call, session, type Session } from './session';

type StartLogin =
  | { __typename: 'LoginChallenge'; challengeId: string; sentTo: string; channel: string }
  | { __typename: 'LoginFailure'; message: string };
type CompleteLogin =
  | { __typename: 'AuthSession'; accessToken: string; user: { id: string; role: string } }
  | { __typename: 'LoginFailure'; message: string };
type PartnerToken =
  | { __typename: 'PartnerToken'; accessToken: string; partner: { id: string; name: string } }
  | { __typename: 'PartnerAuthFailed'; message: string };

interface Challenge {
  id: string;
  sentTo: string;
  channel: string;
}

/**
 * Shows the caller in the headers editor of the open tab, so what a request carries is visible
 * and can be copied. Header text that is not JSON (being typed) is left alone: the fetcher still
 * adds the session's Authorization (session.ts).
 */
function writeAuthorization(editor: MonacoEditor | undefined, authorization: string | null): void {
  if (!editor) return;
  let headers: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(editor.getValue().trim() || '{}');
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return;
    headers = { ...(parsed as Record<string, unknown>) };
  } catch {
    return;
  }
  for (const name of Object.keys(headers)) if (name.toLowerCase() === 'authorization') delete headers[name];
  if (authorization) headers.Authorization = authorization;
  editor.setValue(Object.keys(headers).length ? JSON.stringify(headers, null, 2) : '');
}

const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** The sign-in panel: password + one-time code (S1) for people, client credentials for partners. */
function SignInPanel() {
  const { headerEditor } = useGraphiQL(pick('headerEditor'));
  const [signedIn, setSignedIn] = useState(session.get());
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [notice, setNotice] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  const open = (next: Session | null) => {
    session.set(next);
    setSignedIn(next);
    writeAuthorization(headerEditor, next?.authorization ?? null);
  };

  /** A form's submit handler: reads the form, runs the work, shows its failure. */
  const submit = (work: (form: FormData) => Promise<void>) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setProblem('');
    work(form)
      .catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)))
      .finally(() => setBusy(false));
  };

  const sendCode = submit(async (form) => {
    const { startLogin } = await call<{ startLogin: StartLogin }>(START_LOGIN, {
      actorId: field(form, 'actorId'),
      password: String(form.get('password') ?? ''),
      channel: field(form, 'channel'),
    });
    if (startLogin.__typename !== 'LoginChallenge') throw new Error(startLogin.message);
    setChallenge({ id: startLogin.challengeId, sentTo: startLogin.sentTo, channel: startLogin.channel });
    setNotice(`A one-time code was sent to ${startLogin.sentTo} (${startLogin.channel}).`);
  });

  const completeLogin = submit(async (form) => {
    if (!challenge) return;
    const { completeLogin: result } = await call<{ completeLogin: CompleteLogin }>(COMPLETE_LOGIN, {
      challengeId: challenge.id,
      code: field(form, 'code'),
    });
    if (result.__typename !== 'AuthSession') throw new Error(result.message);
    open({
      authorization: `Bearer ${result.accessToken}`,
      label: `${result.user.id} (${result.user.role})`,
      kind: 'person',
    });
    setChallenge(null);
    setNotice('The Authorization header is set: run any operation.');
  });

  const partnerToken = submit(async (form) => {
    const { partnerToken: result } = await call<{ partnerToken: PartnerToken }>(PARTNER_TOKEN, {
      clientId: field(form, 'clientId'),
      clientSecret: String(form.get('clientSecret') ?? ''),
    });
    if (result.__typename !== 'PartnerToken') throw new Error(result.message);
    open({
      authorization: `Bearer ${result.accessToken}`,
      label: `${result.partner.name} (partner)`,
      kind: 'partner',
    });
    setNotice('The Authorization header is set: run any operation.');
  });

  const signOut = () => {
    const ended = session.get();
    open(null);
    setNotice('');
    // Ends a person's session on the server too; a partner token has none and simply expires.
    if (ended?.kind === 'person') call(LOGOUT, {}, ended.authorization).catch(() => undefined);
  };

  return (
    <div className="ssm-panel">
      <div className="graphiql-doc-explorer-title">Sign in</div>
      <p role="status" className="ssm-status">
        {signedIn ? `Signed in as ${signedIn.label}` : 'Not signed in: requests are anonymous.'}
      </p>
      {signedIn && (
        <Button type="button" onClick={signOut}>
          Sign out
        </Button>
      )}
      <h3>Customer, user or staff</h3>
      {challenge ? (
        // Keyed: React must not reuse the login form's input (and its text) for the code.
        <form key="code" onSubmit={completeLogin}>
          <label>
            One-time code
            <input name="code" inputMode="numeric" autoComplete="one-time-code" required />
          </label>
          <Button type="submit" disabled={busy}>
            Sign in
          </Button>{' '}
          <Button type="button" onClick={() => setChallenge(null)}>
            Back
          </Button>
        </form>
      ) : (
        <form key="password" onSubmit={sendCode}>
          <label>
            Login id
            <input name="actorId" autoComplete="username" required />
          </label>
          <label>
            Password
            <input name="password" type="password" autoComplete="current-password" required />
          </label>
          <label>
            Send the code by
            <select name="channel" defaultValue="SMS">
              <option value="SMS">SMS</option>
              <option value="EMAIL">e-mail</option>
            </select>
          </label>
          <Button type="submit" disabled={busy}>
            Send code
          </Button>
        </form>
      )}
      {notice && <p className="ssm-notice">{notice}</p>}
      {problem && (
        <p role="alert" className="ssm-problem">
          {problem}
        </p>
      )}
      <p className="ssm-hint">
        Demo data: every demo login (nw.manager, home.owner, pre.user, ops.alice...) has the password
        ssm-demo-2026; <code>npm start</code> prints where each login&apos;s code arrives (the message
        simulator&apos;s <code>/outbox?login=&lt;login id&gt;</code>).
      </p>
      <h3>Partner system</h3>
      <form onSubmit={partnerToken}>
        <label>
          Client id
          <input name="clientId" autoComplete="off" required />
        </label>
        <label>
          Client secret
          <input name="clientSecret" type="password" autoComplete="off" required />
        </label>
        <Button type="submit" disabled={busy}>
          Get partner token
        </Button>
      </form>
      <p className="ssm-hint">Demo partners: client-partner-cp-1 / secret-partner-cp-1 (and -sp-1).</p>
    </div>
  );
}

function KeyIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <circle cx="8" cy="15" r="4" />
      <path d="M11 12l9-9M16 7l3 3M14 9l2 2" />
    </svg>
  );
}

export const SIGN_IN_PLUGIN: GraphiQLPlugin = { title: 'Sign in', icon: KeyIcon, content: SignInPanel };
