/** User-Agent headers of the browsers the suites sign in from (deviceLabel names them "Chrome on Linux" and so on). */
export const chromeOnLinux = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
export const firefoxOnWindows = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0';
export const safariOnIphone =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

/** A row of knownDevices, as the suites select it. */
export interface ListedDevice {
  id: string;
  label: string;
  createdAt: string;
  lastUsedAt: string;
  current: boolean;
}

/** A row of sessions: the fields a known device's row has, and the known device it signed in through. */
export interface ListedSession extends ListedDevice {
  knownDeviceId: string | null;
}
