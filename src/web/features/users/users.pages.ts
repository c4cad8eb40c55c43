/** The feature's pages, loaded on first use as one chunk (see `routing/lazy.ts`). */
export { UserCreatePage } from './UserCreatePage.js';
export { UserDetailPage } from './UserDetailPage.js';
export { UsersListPage } from './UsersListPage.js';
