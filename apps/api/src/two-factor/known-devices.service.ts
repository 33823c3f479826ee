import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, LessThan, MoreThan, Repository } from 'typeorm';
import { RequestContext } from '../common/request-context.js';
import { Environment } from '../config/environment.js';
import { KnownDeviceEntity } from './known-device.entity.js';

const deviceLifetimeDays = 365;
/** Devices remembered per account; a sign-in past it forgets the one whose expiry is nearest. */
const devicesPerAccount = 50;
/** `__Host-` when Secure, as the session cookie (see session-token.ts): no sibling subdomain can plant one. */
const secureCookieName = '__Host-twofa_device';
const plainCookieName = 'twofa_device';

/** A device that completed a two-factor sign-in for the account, as the request presented it. */
export interface KnownDevice {
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
  async recognise(context: RequestContext, userId: number, offered?: string | null): Promise<KnownDevice | null> {
    const token = offered || this.cookieTokenOf(context);
    if (!token || token.length > 128) return null;
    const device = await this.devices.findOneBy({ tokenHash: hashToken(token), userId, expiresAt: MoreThan(new Date()) });
    return device ? { id: device.id, token } : null;
  }

  /**
   * After a code was accepted: the device is remembered for another lifetime, a new one gets its token. The cookie is
   * (re)set in either case; returns the token for API clients.
   */
  async remember(context: RequestContext, userId: number, known: KnownDevice | null): Promise<string> {
    const now = new Date();
    const expiresAt = new Date(now.getTime() + deviceLifetimeDays * 86_400_000);
    let token = known?.token;
    if (known) {
      await this.devices.update({ id: known.id }, { expiresAt });
    } else {
      token = randomBytes(32).toString('base64url');
      await this.devices.delete({ userId, expiresAt: LessThan(now) });
      await this.devices.insert({ userId, tokenHash: hashToken(token), expiresAt, createdAt: now });
      await this.forgetSurplus(userId);
    }
    context.response?.cookie(this.cookieName(), token, {
      httpOnly: true,
      // Only ever read by the API's own POSTs from this site.
      sameSite: 'strict',
      secure: this.environment.cookieSecure,
      path: '/',
      expires: expiresAt,
    });
    return token!;
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
