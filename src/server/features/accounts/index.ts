// The accounts feature's public module: what other features, the app, pages and the command line may use of it.
// Sign-up, log-in and sessions are at the top; one's own settings in settings/, "Log in with Wikimedia" in
// wikimedia/, network roles (given on the command line) in roles/.
export { accountsRoutes } from './routes';
/** The page routes of "Log in with Wikimedia", outside /api/v1 (the app mounts them under /auth/wikimedia). */
export { wikimediaAuthRoutes as accountsAuthRoutes } from './wikimedia/wikimedia-routes';
export { presentCurrentUser } from './present';
export { usernameSchema, passwordSchema } from './schema';
export { comparableName, isCommonPassword } from './common-passwords';
export { setRole, createAdmin, type RoleChange, type AdminCreation } from './roles/roles-service';
/** Fills the usernames' look-alike keys still empty (migrations/0027), at start-up. */
export { fillUsernameSkeletons } from './repo';
