// An HTTP-date exactly as RFC 9110 section 5.6.7 defines it: IMF-fixdate, and the two obsolete
// forms a recipient must still accept (RFC 850 and asctime). Date.parse accepts far more
// ("soon 5" is a date to it), so it is not used: anything else is not a date.
const DAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
const LONG_DAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTH = `(${MONTHS.join("|")})`;
const TIME = "(\\d{2}):(\\d{2}):(\\d{2})";
const IMF_FIXDATE = new RegExp(`^${DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
const RFC850 = new RegExp(`^${LONG_DAY}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
const ASCTIME = new RegExp(`^${DAY} ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`);

/** Milliseconds since the epoch, if the fields name a real instant (no 31 February, no hour 25). */
function instant(year: number, month: string, day: string, h: string, m: string, s: string): number | undefined {
  const monthIndex = MONTHS.indexOf(month);
  const [dd, hh, mm, ss] = [day, h, m, s].map(Number) as [number, number, number, number];
  // Second 60 is a leap second, which Date cannot hold: read as the next second, as browsers do.
  if (hh > 23 || mm > 59 || ss > 60) return undefined;
  const time = Date.UTC(year, monthIndex, dd, hh, mm, Math.min(ss, 59)) + (ss === 60 ? 1_000 : 0);
  return new Date(Date.UTC(year, monthIndex, dd)).getUTCDate() === dd ? time : undefined;
}

/** The instant `text` names, or undefined when it is not an HTTP-date; `now` places RFC 850's two-digit years. */
export function parseHttpDate(text: string, now: number): number | undefined {
  let match = IMF_FIXDATE.exec(text);
  if (match) return instant(Number(match[3]), match[2]!, match[1]!, match[4]!, match[5]!, match[6]!);
  match = RFC850.exec(text);
  if (match) {
    // A two-digit year more than 50 years ahead is the most recent past year with those digits.
    const thisYear = new Date(now).getUTCFullYear();
    let year = Math.floor(thisYear / 100) * 100 + Number(match[3]);
    if (year > thisYear + 50) year -= 100;
    return instant(year, match[2]!, match[1]!, match[4]!, match[5]!, match[6]!);
  }
  match = ASCTIME.exec(text);
  if (match) return instant(Number(match[6]), match[1]!, match[2]!.trim(), match[3]!, match[4]!, match[5]!);
  return undefined;
}
