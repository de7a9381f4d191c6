import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { checkLetterLayout, renderLetterDocx, standardLetterLayout } from "./layout";

const data = {
  机关全称: "示例市司法局",
  标题: "政府信息公开申请答复书",
  文号: "公复〔2026〕第12号",
  收件人: "张三",
  段落: [{ 文字: "第一段。" }, { 文字: "第二段。" }, { 文字: "特此答复。" }],
  文书日期: "2026年3月20日",
  机关地址: "人民路1号",
  邮政编码: "100000",
  机关电话: "010-1",
  案件编号: "GK-2026-000123",
};

describe("the letter layout", () => {
  it("prints each paragraph of the text as its own Word paragraph, with the letterhead filled in", async () => {
    const docx = renderLetterDocx(await standardLetterLayout(), data);
    const xml = await (await JSZip.loadAsync(docx)).file("word/document.xml")!.async("string");
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) => match[0].replace(/<[^>]+>/g, ""));
    expect(paragraphs).toEqual(expect.arrayContaining(["第一段。", "第二段。", "特此答复。", "公复〔2026〕第12号", "张三：", "2026年3月20日"]));
    expect(xml).not.toMatch(/\{[^}]*\}/);
  });

  it("accepts the standard layout and explains what is wrong with an upload", async () => {
    expect(checkLetterLayout(await standardLetterLayout())).toEqual([]);
    expect(checkLetterLayout(new TextEncoder().encode("不是 Word 文件"))).toEqual(["无法读取该文件：请上传 Word（.docx）格式的版式文件"]);
  });
});
