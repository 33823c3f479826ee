/** "Backup-Codes, totp  recovery" → ["backup-codes", "totp", "recovery"]; the server validates the rest. */
export function splitTags(value: string): string[] {
  return [
    ...new Set(
      value
        .split(/[,\s]+/)
        .map((tag) => tag.trim().toLowerCase().replace(/^#/, ''))
        .filter(Boolean),
    ),
  ];
}
