import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CookieOptions } from 'express';
import { EntityManager, In, LessThan, MoreThan, Not, Repository } from 'typeorm';
import { AppError, ErrorReason } from '../common/app-error.js';
import { parseId } from '../common/id.js';
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
   * After a code was accepted: the device is remembered for another lifetime, a new one gets its token. The cookie is
   * (re)set in either case; returns the device, whose token goes to API clients.
   */
  async remember(context: RequestContext, userId: number, known: RecognisedDevice | null): Promise<RecognisedDevice> {
    const now = new Date();
    const expiresAt = new Date(now.getTime() + deviceLifetimeDays * 86_400_000);
    let device = known;
    if (device) {
      await this.devices.update({ id: device.id }, { expiresAt, lastUsedAt: now });
    } else {
      const token = randomBytes(32).toString('base64url');
      await this.devices.delete({ userId, expiresAt: LessThan(now) });
      const inserted = await this.devices.insert({
        userId,
        tokenHash: hashToken(token),
        label: deviceLabel(context.request.headers['user-agent']),
        expiresAt,
        createdAt: now,
        lastUsedAt: now,
      });
      device = { id: Number(inserted.identifiers[0].id), token };
      await this.forgetSurplus(userId);
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
   * Forgets one of the signed-in account's devices: its next code check counts against the account's budget again.
   * NOT_FOUND for another account's device as for none, so ids say nothing. This browser's own also loses its cookie.
   */
  async forget(context: RequestContext, rawId: string): Promise<boolean> {
    const user = context.requireUser();
    const id = parseId(rawId);
    const current = await this.recognise(context, user.id);
    const deleted = await this.devices.delete({ id, userId: user.id });
    if (!deleted.affected) throw AppError.notFound(ErrorReason.KNOWN_DEVICE_NOT_FOUND, 'Known device', rawId);
    if (current?.id === id) this.clearCookie(context);
    return true;
  }

  /** The ids of the devices forgetOthers forgets: every one of the signed-in account's, expired too, but the one the request presents. */
  async othersOf(context: RequestContext, offered?: string | null): Promise<number[]> {
    const others = await this.devices.find({ select: { id: true }, where: await this.othersWhere(context, offered) });
    return others.map((device) => device.id);
  }

  /** Forgets every device of the signed-in account but the one the request presents (`offered`, else its cookie); how many. */
  async forgetOthers(context: RequestContext, offered?: string | null): Promise<number> {
    const others = await this.othersWhere(context, offered);
    // The expired ones are no longer listed: they go too, uncounted.
    await this.devices.delete({ ...others, expiresAt: LessThan(new Date()) });
    const deleted = await this.devices.delete(others);
    return deleted.affected ?? 0;
  }

  /** Two-factor sign-in turned off: the account's devices are forgotten with it (in `manager`'s transaction), this browser's cookie too. */
  async forgetAllOf(context: RequestContext, userId: number, manager: EntityManager): Promise<void> {
    await manager.delete(KnownDeviceEntity, { userId });
    if (this.cookieTokenOf(context)) this.clearCookie(context);
  }

  private async othersWhere(context: RequestContext, offered?: string | null) {
    const user = context.requireUser();
    const current = await this.recognise(context, user.id, offered);
    return current ? { userId: user.id, id: Not(current.id) } : { userId: user.id };
  }

  private async forgetSurplus(userId: number): Promise<void> {
    const surplus = await this.devices.find({
      select: { id: true },
      where: { userId },
      order: { expiresAt: 'DESC', id: 'DESC' },
      skip: devicesPerAccount,
    });
    if (surplus.length > 0) await this.devices.delete({ id: In(surplus.map((device) => device.id)) });
  }

  private clearCookie(context: RequestContext): void {
    context.response?.clearCookie(this.cookieName(), this.cookieOptions());
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
