// The case file (案卷): what an attachment may be, and which kinds of file are accepted, recognized by
// their content (magic bytes), never by their name. Pure.
export const ATTACHMENT_CATEGORIES = {
  APPLICATION: "申请材料（扫描件）",
  IDENTITY: "身份证明",
  SERVICE_RECEIPT: "送达回证",
  POSTAL_RECEIPT: "邮寄凭证",
  ENCLOSURE: "答复附件",
  OTHER: "其他材料",
} as const;

export type AttachmentCategory = keyof typeof ATTACHMENT_CATEGORIES;

export const ATTACHMENT_CATEGORY_KEYS = Object.keys(ATTACHMENT_CATEGORIES) as AttachmentCategory[];

/** Accepted content types, as detected from the bytes, with the extension a download is named with. */
export const ACCEPTED_TYPES: Readonly<Record<string, { label: string; extension: string }>> = {
  "application/pdf": { label: "PDF", extension: "pdf" },
  "image/jpeg": { label: "JPEG 图片", extension: "jpg" },
  "image/png": { label: "PNG 图片", extension: "png" },
  "image/tiff": { label: "TIFF 图片", extension: "tif" },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { label: "Word 文档", extension: "docx" },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { label: "Excel 表格", extension: "xlsx" },
  "application/ofd": { label: "OFD 版式文档", extension: "ofd" },
};

export const ACCEPTED_TYPES_TEXT = Object.values(ACCEPTED_TYPES)
  .map((type) => type.label)
  .join("、");
