/** What a client that sends no browser User-Agent is called in the lists of known devices and of sessions. */
export const apiClientLabel = 'API client';

/**
 * Browsers by the token of their own that their User-Agent carries. Order matters: Edge, Opera, Samsung Internet and
 * Vivaldi also say "Chrome", Chrome also says "Safari"; the iOS builds of Chrome, Firefox and Edge name themselves apart.
 */
const browsers: [name: string, token: RegExp][] = [
  ['Edge', /\b(?:Edg|EdgA|EdgiOS)\//],
  ['Opera', /\b(?:OPR|OPT)\//],
  ['Samsung Internet', /\bSamsungBrowser\//],
  ['Vivaldi', /\bVivaldi\//],
  ['Firefox', /\b(?:Firefox|FxiOS)\//],
  ['Chrome', /\b(?:HeadlessChrome|Chrome|Chromium|CriOS)\//],
  ['Safari', /\bVersion\/[\d.]+.*\bSafari\//],
];

/** Systems by their platform token. iPadOS since 13 and Android before Linux: their User-Agents name the other too. */
const systems: [name: string, token: RegExp][] = [
  ['Windows', /\bWindows\b/],
  ['iPhone', /\b(?:iPhone|iPod)\b/],
  ['iPad', /\biPad\b/],
  ['Android', /\bAndroid\b/],
  ['ChromeOS', /\bCrOS\b/],
  ['macOS', /\bMacintosh\b|\bMac OS X\b/],
  ['Linux', /\bLinux\b/],
];

/**
 * A short name for a known device or a session, from the User-Agent it was remembered or signed in with: "Chrome on Linux",
 * "Safari on iPhone".
 * Only says what the header says: an iPad that asks for desktop pages says macOS, Brave says Chrome, an unknown browser
 * is "Browser on …". Anything that does not present itself as a browser (curl, an SDK, none at all) is an API client.
 */
export function deviceLabel(header: string | undefined): string {
  if (!header || !header.startsWith('Mozilla/')) return apiClientLabel;
  // Real ones are a few hundred characters; the patterns need not scan a 16 KB one.
  const userAgent = header.slice(0, 512);
  const browser = browsers.find(([, token]) => token.test(userAgent))?.[0];
  const system = systems.find(([, token]) => token.test(userAgent))?.[0];
  if (browser && system) return `${browser} on ${system}`;
  if (browser) return browser;
  return system ? `Browser on ${system}` : 'Unknown browser';
}
