import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CookieOptions } from 'express';
import { EntityManager, FindOptionsWhere, In, LessThan, MoreThan, Not, Repository } from 'typeorm';
import { AppError, ErrorReason } from '../common/app-error.js';
import { parseId } from '../common/id.js';
import { isPostgres } from '../common/sql.js';
import { RequestContext } from '../common/request-context.js';
import { Environment } from '../config/environment.js';
import { deviceLabel } from '../common/device-label.js';
import { KnownDeviceEntity } from './known-device.entity.js';
import { KnownDevice } from './models/two-factor.models.js';

const deviceLifetimeDays = 365;
/** Devices remembered per account; a sign-in past it forgets the one whose expiry is nearest. */
const devicesPerAccount = 50;
/** `__Host-` when Secure, as the session cookie (see session-token.ts): no sibling subdomain can plant one. */
const secureCookieName = '__Host-twofa_device';
const plainCookieName = 'twofa_device';

/** A device that completed a two-factor sign-in for the account, as the request presented it. */
export interface RecognisedDevice {
  id: number;
  token: string;
}

/**
 * Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a browser or API client that
 * completed a two-factor sign-in gets a long-lived token, httpOnly in a cookie and in the payload for API clients.
 * Code checks that present it count against that device's budget, so whoever knows the password and spends the
 * account's budget for unknown devices does not lock its holder's own browsers out.
 */
@Injectable()
export class KnownDevicesService {
  constructor(
    @InjectRepository(KnownDeviceEntity) private readonly devices: Repository<KnownDeviceEntity>,
    private readonly environment: Environment,
  ) {}

  /** The device the request presents (`offered`, else its cookie) if it is one of the account's, still live; else null. */
  async recognise(context: RequestContext, userId: number, offered?: string | null): Promise<RecognisedDevice | null> {
    const token = offered || this.cookieTokenOf(context);
    if (!token || token.length > 128) return null;
    const device = await this.devices.findOneBy({ tokenHash: hashToken(token), userId, expiresAt: MoreThan(new Date()) });
    return device ? { id: device.id, token } : null;
  }

  /**
   * After a code was accepted, in `manager`'s transaction (if it has one): the device is remembered for another
   * lifetime, a new one gets its token, and so does one forgotten since it was recognised. The cookie is (re)set in
   * either case; returns the device, whose token goes to API clients.
   */
  async remember(
    context: RequestContext,
    userId: number,
    known: RecognisedDevice | null,
    manager: EntityManager = this.devices.manager,
  ): Promise<RecognisedDevice> {
    const now = new Date();
    const expiresAt = new Date(now.getTime() + deviceLifetimeDays * 86_400_000);
    let device = known;
    if (device && !(await manager.update(KnownDeviceEntity, { id: device.id }, { expiresAt, lastUsedAt: now })).affected) device = null;
    if (!device) {
      const token = randomBytes(32).toString('base64url');
      await manager.delete(KnownDeviceEntity, { userId, expiresAt: LessThan(now) });
      const inserted = await manager.insert(KnownDeviceEntity, {
        userId,
        tokenHash: hashToken(token),
        label: deviceLabel(context.request.headers['user-agent']),
        expiresAt,
        createdAt: now,
        lastUsedAt: now,
      });
      device = { id: Number(inserted.identifiers[0].id), token };
      await this.forgetSurplus(userId, manager);
    }
    context.response?.cookie(this.cookieName(), device.token, { ...this.cookieOptions(), expires: expiresAt });
    return device;
  }

  /** The signed-in account's live devices, the latest used first; `current` is the one the request presents (`offered`, else its cookie). */
  async list(context: RequestContext, offered?: string | null): Promise<KnownDevice[]> {
    const user = context.requireUser();
    const [devices, current] = await Promise.all([
      this.devices.find({ where: { userId: user.id, expiresAt: MoreThan(new Date()) }, order: { lastUsedAt: 'DESC', id: 'DESC' } }),
      this.recognise(context, user.id, offered),
    ]);
    return devices.map((device) => ({
      id: String(device.id),
      label: device.label,
      createdAt: device.createdAt,
      lastUsedAt: device.lastUsedAt,
      current: device.id === current?.id,
    }));
  }

  /**
   * The first step of forgetting one of the signed-in account's devices (then forget, in the same transaction): its id,
   * locked. NOT_FOUND for another account's device as for none, so ids say nothing.
   */
  async lockOne(context: RequestContext, rawId: string, manager: EntityManager): Promise<number> {
    const [id] = await this.lock(manager, { id: parseId(rawId), userId: context.requireUser().id });
    if (id === undefined) throw AppError.notFound(ErrorReason.KNOWN_DEVICE_NOT_FOUND, 'Known device', rawId);
    return id;
  }

  /**
   * The first step of forgetting every device of the signed-in account, expired too, but the one the request presents
   * (`offered`, else its cookie): their ids, locked.
   */
  async lockOthers(context: RequestContext, offered: string | null | undefined, manager: EntityManager): Promise<number[]> {
    const user = context.requireUser();
    const current = await this.recognise(context, user.id, offered);
    return this.lock(manager, current ? { userId: user.id, id: Not(current.id) } : { userId: user.id });
  }

  /**
   * Locked for the rest of `manager`'s transaction (SQLite runs one at a time): a two-factor sign-in through one of them
   * remembers it and starts its session (AuthService.completeTwoFactorSignIn) either before, its session among those the
   * forgetting may end, or after, remembered anew. In id order, so two forgettings never wait on each other's.
   */
  private async lock(manager: EntityManager, where: FindOptionsWhere<KnownDeviceEntity>): Promise<number[]> {
    const lock = isPostgres(manager.connection) ? { mode: 'pessimistic_write' as const } : undefined;
    const devices = await manager.find(KnownDeviceEntity, { select: { id: true }, where, order: { id: 'ASC' }, lock });
    return devices.map((device) => device.id);
  }

  /**
   * Forgets the devices `ids` (from lockOne or lockOthers, in the same transaction): their next code check counts against
   * the account's budget again. How many, the expired ones uncounted (no longer listed), and whether this browser's own
   * is among them: its cookie is the caller's to clear (clearCookie) once the transaction commits.
   */
  async forget(context: RequestContext, ids: readonly number[], manager: EntityManager): Promise<{ count: number; ownCookie: boolean }> {
    if (ids.length === 0) return { count: 0, ownCookie: false };
    const current = await this.recognise(context, context.requireUser().id);
    await manager.delete(KnownDeviceEntity, { id: In(ids), expiresAt: LessThan(new Date()) });
    const deleted = await manager.delete(KnownDeviceEntity, { id: In(ids) });
    return { count: deleted.affected ?? 0, ownCookie: current !== null && ids.includes(current.id) };
  }

  /** Two-factor sign-in turned off: the account's devices are forgotten with it, in `manager`'s transaction (then clearCookie). */
  async forgetAllOf(userId: number, manager: EntityManager): Promise<void> {
    await manager.delete(KnownDeviceEntity, { userId });
  }

  /**
   * Tells the browser to drop its device cookie, if it sent one, once the transaction that forgot its device has committed
   * (forget, forgetAllOf): a forgetting rolled back keeps the device remembered, and so its cookie.
   */
  clearCookie(context: RequestContext): void {
    if (this.cookieTokenOf(context)) context.response?.clearCookie(this.cookieName(), this.cookieOptions());
  }

  private async forgetSurplus(userId: number, manager: EntityManager): Promise<void> {
    const surplus = await manager.find(KnownDeviceEntity, {
      select: { id: true },
      where: { userId },
      order: { expiresAt: 'DESC', id: 'DESC' },
      skip: devicesPerAccount,
    });
    if (surplus.length > 0) await manager.delete(KnownDeviceEntity, { id: In(surplus.map((device) => device.id)) });
  }

  private cookieOptions(): CookieOptions {
    // Only ever read by the API's own POSTs from this site.
    return { httpOnly: true, sameSite: 'strict', secure: this.environment.cookieSecure, path: '/' };
  }

  private cookieTokenOf(context: RequestContext): string | undefined {
    return (context.request.cookies as Record<string, string> | undefined)?.[this.cookieName()];
  }

  private cookieName(): string {
    return this.environment.cookieSecure ? secureCookieName : plainCookieName;
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
