import { describe, expect, it } from "vitest";
import { safeFileName } from "./file-name";

describe("safeFileName", () => {
  it.each([
    ["report.pdf", "application/pdf", "report.pdf"],
    ["../../etc/passwd", "text/plain", "passwd.txt"],
    ["C:\\Users\\ada\\Desktop\\screen.PNG", "image/png", "screen.PNG"],
    ["invoice\u202Efdp.exe", "application/pdf", "invoice_fdp.exe.pdf"],
    ["zero\u200Bwidth\u0000name.log", "text/plain", "zero_width_name.log"],
    ['a<b>c:d"e|f?g*.txt', "text/plain", "a_b_c_d_e_f_g_.txt"],
    ["  ...hidden.  ", "text/plain", "hidden.txt"],
    ["CON.txt", "text/plain", "_CON.txt"],
    ["", "image/png", "file.png"],
    ["///", "application/zip", "file.zip"],
    ["photo.jpeg", "image/png", "photo.jpeg.png"],
    ["e\u0301te\u0301.txt", "text/plain", "\u00e9t\u00e9.txt"],
  ] as const)("%j as %s → %j", (given, type, expected) => {
    expect(safeFileName(given, type)).toBe(expected);
  });

  it("keeps at most 100 characters, the type's ending included, without splitting a character", () => {
    const name = safeFileName(`${"😀".repeat(150)}.pdf`, "application/pdf");
    expect([...name]).toHaveLength(100);
    expect(name.endsWith(".pdf")).toBe(true);
    expect(name.toWellFormed()).toBe(name);
  });
});
