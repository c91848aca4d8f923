// The one way users change while the tenant runs (the Management API's PATCH and role routes): the
// new values go into TenantUsers at once, so the next login or silent authentication computes
// scopes, permissions and the actions' event from them, and into the saved state, so they outlive a
// restart. A failed write is reported and the change still holds until the tenant stops.
import type { TenantUser } from '../../model/tenant-model';
import type { TenantUsers } from '../../model/tenant-users';
import { tenantFileName } from '../../tenant-file/read-tenant-file';
import { inMemoryUserState, serializeUserState, type SavedUserChange, type SavedUserState } from './saved-users';
import { errorCode } from './state-file';

/** New values for some fields of a user; `touch` sets updated_at (a profile change does, a role change does not). */
export interface UserUpdate {
  userMetadata?: Readonly<Record<string, unknown>>;
  appMetadata?: Readonly<Record<string, unknown>>;
  /** Role names, the whole new list. */
  roles?: readonly string[];
  touch?: boolean;
}

function withChange(user: TenantUser, change: SavedUserChange): TenantUser {
  return {
    ...user,
    ...(change.userMetadata ? { userMetadata: change.userMetadata } : {}),
    ...(change.appMetadata ? { appMetadata: change.appMetadata } : {}),
    ...(change.roles ? { roles: change.roles } : {}),
    ...(change.updatedAt ? { updatedAt: change.updatedAt } : {}),
  };
}

export class UserChanges {
  constructor(
    private readonly users: TenantUsers,
    private readonly state: SavedUserState = inMemoryUserState(),
  ) {
    for (const [userId, change] of state.changes) {
      const user = users.findById(userId);
      if (user) users.replace(withChange(user, change));
    }
  }

  /** Applies `update` and saves it; resolves with the user as it now is, or undefined for an unknown id. */
  async update(userId: string, update: UserUpdate, now = new Date()): Promise<TenantUser | undefined> {
    const user = this.users.findById(userId);
    if (!user) return undefined;
    const change: SavedUserChange = { ...this.state.changes.get(userId) };
    if (update.userMetadata) change.userMetadata = update.userMetadata;
    if (update.appMetadata) change.appMetadata = update.appMetadata;
    if (update.roles) change.roles = update.roles;
    if (update.touch) change.updatedAt = now.toISOString();
    this.state.changes.set(userId, change);
    const changed = withChange(user, change);
    this.users.replace(changed);
    await this.save();
    return changed;
  }

  /**
   * Back to the tenant file's users: every change forgotten, in memory at once and on disk (the
   * state file is deleted, other tenant files' entries in it too). Rejects with a one-line Error
   * when the file cannot be deleted; the users are the file's in memory all the same.
   */
  async reset(): Promise<void> {
    this.state.changes.clear();
    this.state.otherUsers = {};
    this.users.restore();
    const writer = this.state.writer;
    if (!writer) return;
    await writer.remove().catch((error: unknown) => {
      throw new Error(`cannot delete ${tenantFileName(writer.file)} (${errorCode(error)})`);
    });
  }

  private async save(): Promise<void> {
    const writer = this.state.writer;
    if (!writer) return;
    try {
      await writer.write(() => serializeUserState(this.state));
    } catch (error) {
      console.error(
        `dev tenant: cannot save user changes to ${tenantFileName(writer.file)} (${errorCode(error)}); they last until the tenant stops.`,
      );
    }
  }
}
