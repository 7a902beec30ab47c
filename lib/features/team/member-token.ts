// Tokens are issued by the team server as `<member id>.<secret>`: the id tells
// the member's browser which document is theirs to write. Kept apart from the
// replication core so the options page can check a token without loading it.

/** The member id the token starts with, when it has the server's form. */
export function memberIdOfToken(token: string): string | undefined {
  const [id, secret, ...rest] = token.split('.');
  return id && secret && rest.length === 0 && /^[a-z0-9]{6,40}$/.test(id) ? id : undefined;
}
