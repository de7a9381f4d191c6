import { describe, expect, it } from "vitest";
import { composeDigestEmail, isDigestDue, shanghaiHour, smtpSettingsFrom } from "./digest-email";

describe("smtpSettingsFrom", () => {
  it("is null until a host and a sender are set", () => {
    expect(smtpSettingsFrom({})).toBeNull();
    expect(smtpSettingsFrom({ SMTP_HOST: "smtp.example.gov.cn" })).toBeNull();
    expect(smtpSettingsFrom({ SMTP_HOST: " ", SMTP_FROM: "gongkai@example.gov.cn" })).toBeNull();
  });

  it("reads the settings, with port 587 by default and implicit TLS on 465", () => {
    expect(smtpSettingsFrom({ SMTP_HOST: "smtp.example.gov.cn", SMTP_FROM: "gongkai@example.gov.cn", NODE_ENV: "production" })).toEqual({
      host: "smtp.example.gov.cn",
      port: 587,
      secure: false,
      user: undefined,
      password: undefined,
      from: "gongkai@example.gov.cn",
    });
    expect(
      smtpSettingsFrom({ SMTP_HOST: "smtp.example.gov.cn", SMTP_PORT: "465", SMTP_USER: "gk", SMTP_PASSWORD: "secret", SMTP_FROM: "gk@example.gov.cn" }),
    ).toMatchObject({ port: 465, secure: true, user: "gk", password: "secret" });
  });

  it("reports a wrong value in Chinese instead of ignoring it", () => {
    expect(() => smtpSettingsFrom({ SMTP_HOST: "smtp.example.gov.cn", SMTP_PORT: "abc", SMTP_FROM: "gk@example.gov.cn" })).toThrow(/SMTP/);
  });
});

describe("isDigestDue", () => {
  const at = (instant: string) => new Date(instant);

  it("is due from 08:00 Beijing time, once a day", () => {
    expect(shanghaiHour(at("2026-11-20T00:00:00Z"))).toBe(8);
    expect(isDigestDue({ now: at("2026-11-19T23:59:00Z"), lastDigestDay: null, lastSentAt: null })).toBe(false);
    expect(isDigestDue({ now: at("2026-11-20T00:00:00Z"), lastDigestDay: null, lastSentAt: null })).toBe(true);
    expect(isDigestDue({ now: at("2026-11-20T09:00:00Z"), lastDigestDay: "2026-11-20", lastSentAt: null })).toBe(false);
    expect(isDigestDue({ now: at("2026-11-20T09:00:00Z"), lastDigestDay: "2026-11-19", lastSentAt: null })).toBe(true);
  });

  it("is not due again when a digest already went out today (another instance, or before a restart)", () => {
    const now = at("2026-11-20T03:00:00Z");
    expect(isDigestDue({ now, lastDigestDay: null, lastSentAt: at("2026-11-20T00:05:00Z") })).toBe(false);
    expect(isDigestDue({ now, lastDigestDay: null, lastSentAt: at("2026-11-19T23:55:00Z") })).toBe(true);
  });
});

describe("composeDigestEmail", () => {
  const items = [
    { kind: "OVERDUE" as const, message: "GK-2（张伟）已超过答复期限（2026-11-19），尚未办结", createdAt: new Date("2026-11-20T01:00:00Z") },
    { kind: "DUE_SOON" as const, message: "GK-1（李明）的答复期限为 2026-11-24，还剩 2 个工作日", createdAt: new Date("2026-11-19T01:00:00Z") },
  ];

  it("lists the alerts oldest first with their kind, and links the notification page", () => {
    const email = composeDigestEmail({ displayName: "王芳", organizationName: "甲区司法局", items, today: "2026-11-20", appUrl: "https://gk.example.gov.cn/" });
    expect(email.subject).toBe("【政府信息公开】2026-11-20 您有 2 条未读提醒");
    const lines = email.text.split("\n");
    expect(lines[0]).toBe("王芳，您好：");
    expect(lines.filter((line) => line.startsWith("· "))).toEqual([
      "· 【即将到期】GK-1（李明）的答复期限为 2026-11-24，还剩 2 个工作日（2026-11-19 09:00）",
      "· 【已逾期】GK-2（张伟）已超过答复期限（2026-11-19），尚未办结（2026-11-20 09:00）",
    ]);
    expect(email.text).toContain("https://gk.example.gov.cn/notifications");
    expect(email.html).toContain('href="https://gk.example.gov.cn/notifications"');
  });

  it("escapes the HTML version and names the page when there is no address", () => {
    const email = composeDigestEmail({
      displayName: "<b>王芳</b>",
      organizationName: "甲区",
      items: [{ kind: "OVERDUE", message: "a < b & c", createdAt: new Date("2026-11-20T01:00:00Z") }],
      today: "2026-11-20",
    });
    expect(email.html).toContain("&#60;b&#62;王芳");
    expect(email.html).toContain("a &#60; b &#38; c");
    expect(email.text).toContain("“提醒”页面");
  });
});
