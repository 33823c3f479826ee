import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

const issuer = 'twofa-forum';
/** ±1 time step of 30 s: phones whose clock is a little off still work. */
const toleranceSeconds = 30;

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** A code as typed without its spaces: apps show "123 456", and people copy it so. */
export function appCodeDigits(code: string): string {
  return code.replace(/\s/g, '');
}

/**
 * The time step a 6-digit code matches (one step either side of now), later than `lastUsedStep`; 'used' when it matches
 * only a step already used (entered twice, or replayed); null when it matches none.
 */
export async function matchingTimeStep(secret: string, code: string, lastUsedStep: number | null): Promise<number | 'used' | null> {
  const digits = appCodeDigits(code);
  if (!/^\d{6}$/.test(digits)) return null;
  const check = { secret, token: digits, epochTolerance: toleranceSeconds };
  const fresh = await verify({ ...check, ...(lastUsedStep !== null ? { afterTimeStep: lastUsedStep } : {}) });
  if (fresh.valid && 'timeStep' in fresh) return fresh.timeStep;
  if (lastUsedStep === null) return null;
  return (await verify(check)).valid ? 'used' : null;
}

/** The QR code an authenticator app scans, as SVG rendered here (the secret never goes to a third party). */
export function enrolmentQrCodeSvg(secret: string, username: string): Promise<string> {
  const uri = generateURI({ issuer, label: username, secret });
  return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/** The setup key as apps show it: groups of four. */
export function formatSetupKey(secret: string): string {
  return secret.match(/.{1,4}/g)!.join(' ');
}
