// A best guess at the customer's time zone from their default address, for "local time" in the panel.
// Countries with one dominant zone map directly; the US, Canada, Australia, Mexico and Brazil by province.

const COUNTRY_ZONES: Record<string, string> = {
  AT: "Europe/Vienna", BE: "Europe/Brussels", CH: "Europe/Zurich", CN: "Asia/Shanghai", CZ: "Europe/Prague",
  DE: "Europe/Berlin", DK: "Europe/Copenhagen", ES: "Europe/Madrid", FI: "Europe/Helsinki", FR: "Europe/Paris",
  GB: "Europe/London", GR: "Europe/Athens", HK: "Asia/Hong_Kong", IE: "Europe/Dublin", IN: "Asia/Kolkata",
  IT: "Europe/Rome", JP: "Asia/Tokyo", KR: "Asia/Seoul", MO: "Asia/Macau", MY: "Asia/Kuala_Lumpur",
  NL: "Europe/Amsterdam", NO: "Europe/Oslo", NZ: "Pacific/Auckland", PL: "Europe/Warsaw", PT: "Europe/Lisbon",
  SE: "Europe/Stockholm", SG: "Asia/Singapore", TH: "Asia/Bangkok", TW: "Asia/Taipei", AR: "America/Argentina/Buenos_Aires",
  CL: "America/Santiago", CO: "America/Bogota", PE: "America/Lima", ZA: "Africa/Johannesburg", AE: "Asia/Dubai",
  IL: "Asia/Jerusalem", TR: "Europe/Istanbul", PH: "Asia/Manila", VN: "Asia/Ho_Chi_Minh", ID: "Asia/Jakarta",
};

const US_ZONES: Record<string, string> = {
  ...Object.fromEntries(["CA", "WA", "OR", "NV"].map((code) => [code, "America/Los_Angeles"])),
  ...Object.fromEntries(["CO", "UT", "NM", "MT", "ID", "WY"].map((code) => [code, "America/Denver"])),
  AZ: "America/Phoenix",
  ...Object.fromEntries(
    ["TX", "IL", "MN", "WI", "MO", "LA", "OK", "KS", "NE", "IA", "AR", "MS", "AL", "TN", "ND", "SD"].map((code) => [code, "America/Chicago"]),
  ),
  HI: "Pacific/Honolulu",
  AK: "America/Anchorage",
};

const PROVINCE_ZONES: Record<string, Record<string, string>> = {
  CA: { BC: "America/Vancouver", AB: "America/Edmonton", SK: "America/Regina", MB: "America/Winnipeg", QC: "America/Toronto", NS: "America/Halifax", NB: "America/Moncton", NL: "America/St_Johns" },
  AU: { WA: "Australia/Perth", SA: "Australia/Adelaide", NT: "Australia/Darwin", QLD: "Australia/Brisbane", VIC: "Australia/Melbourne", TAS: "Australia/Hobart" },
  MX: { BC: "America/Tijuana", SON: "America/Hermosillo", CHH: "America/Chihuahua", QR: "America/Cancun" },
};

const COUNTRY_DEFAULTS: Record<string, string> = {
  US: "America/New_York",
  CA: "America/Toronto",
  AU: "Australia/Sydney",
  MX: "America/Mexico_City",
  BR: "America/Sao_Paulo",
  RU: "Europe/Moscow",
};

/** IANA zone for an address, or null when we cannot tell. */
export function guessTimeZone(countryCode: string | null | undefined, provinceCode?: string | null): string | null {
  const country = countryCode?.toUpperCase();
  if (!country) return null;
  const province = provinceCode?.toUpperCase().replace(/^[A-Z]{2}-/, "") ?? "";
  if (country === "US") return US_ZONES[province] ?? COUNTRY_DEFAULTS.US!;
  return PROVINCE_ZONES[country]?.[province] ?? COUNTRY_ZONES[country] ?? COUNTRY_DEFAULTS[country] ?? null;
}

/** True when the runtime knows the zone (a stored customer timezone may be anything). */
export function isValidTimeZone(zone: string | null | undefined): zone is string {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
