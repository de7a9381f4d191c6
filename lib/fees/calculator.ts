// 信息处理费 (国办函〔2020〕109号, rules.md §5). Pure; amounts in yuan as integers (all tiers are whole yuan).

/**
 * 按件: the fee for an applicant's `ordinal`-th application in a calendar month (1-based, counting
 * this one). 1st–10th free; 11th–30th 100 元; from the 31st every further block of 10 costs 100 元
 * more each (31st–40th 200 元, 41st–50th 300 元, …).
 */
export function perApplicationFee(ordinal: number): number {
  if (!Number.isInteger(ordinal) || ordinal < 1) throw new RangeError(`本月第几件须为正整数：${ordinal}`);
  if (ordinal <= 10) return 0;
  if (ordinal <= 30) return 100;
  return 100 * (2 + Math.floor((ordinal - 31) / 10));
}

/**
 * 按量: the fee for one application of `pages` pages. 1–30 free; 31–100 at 10 元; 101–200 at 20 元;
 * 201 and more at 40 元 per page, each tier charged only on its own pages.
 */
export function perVolumeFee(pages: number): number {
  if (!Number.isInteger(pages) || pages < 0) throw new RangeError(`页数须为非负整数：${pages}`);
  const tiers: Array<{ from: number; to: number; price: number }> = [
    { from: 31, to: 100, price: 10 },
    { from: 101, to: 200, price: 20 },
    { from: 201, to: Number.POSITIVE_INFINITY, price: 40 },
  ];
  let fee = 0;
  for (const tier of tiers) {
    const pagesInTier = Math.max(0, Math.min(pages, tier.to) - tier.from + 1);
    fee += pagesInTier * tier.price;
  }
  return fee;
}

/** The 按件 tier an applicant is in with their `ordinal`-th application of the month, for display. */
export function perApplicationTierLabel(ordinal: number): string {
  const fee = perApplicationFee(ordinal);
  return fee === 0 ? `本月第 ${ordinal} 件，免费（前 10 件）` : `本月第 ${ordinal} 件，按件计收 ${fee} 元`;
}
