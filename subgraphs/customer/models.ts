/**
 * Types the customer subgraph produces itself (no legacy system answers with them); codegen.yml
 * maps the schema's types onto them.
 */

/** A signed-in session, as services/sign-in.ts issues it (the schema's AuthSession). */
export interface AuthSessionModel {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  userId: string;
}
