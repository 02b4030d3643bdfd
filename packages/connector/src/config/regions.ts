/** PingOne region codes (DaVinci's `region`) and their top-level domains (docs/connector-client.md#regions-and-hosts). */
export const REGIONS = {
  NA: { name: "North America (excluding Canada)", tld: "com" },
  EU: { name: "European Union", tld: "eu" },
  CA: { name: "Canada", tld: "ca" },
  AP: { name: "Asia-Pacific", tld: "asia" },
  AU: { name: "Australia", tld: "com.au" },
  SG: { name: "Singapore", tld: "sg" },
} as const;

export type RegionCode = keyof typeof REGIONS;

export const REGION_CODES = Object.keys(REGIONS) as RegionCode[];

export function isRegionCode(value: string): value is RegionCode {
  return Object.hasOwn(REGIONS, value);
}

export function regionHosts(region: RegionCode): { apiUrl: string; authUrl: string } {
  const { tld } = REGIONS[region];
  return { apiUrl: `https://api.pingone.${tld}`, authUrl: `https://auth.pingone.${tld}` };
}

/** `https://api.pingone.<tld>` → `https://auth.pingone.<tld>`; undefined for other hosts. */
export function authUrlForApiHost(apiUrl: URL): string | undefined {
  const match = /^api\.pingone\.(com|eu|ca|asia|com\.au|sg)$/i.exec(apiUrl.hostname);
  return match ? `${apiUrl.protocol}//auth.pingone.${match[1]!.toLowerCase()}` : undefined;
}
