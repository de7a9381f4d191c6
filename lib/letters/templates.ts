// The built-in text of every letter (template version 0), until an administrator saves a version of
// the organization's own. Each states its legal basis (条例 articles, reference.md §3.3 and §4) and, where
// it decides something, the remedies ({救济途径}). Placeholders: lib/letters/definitions.ts. Pure.
import type { LetterKind, Outcome } from "@prisma/client";
import { DEFAULT_VARIANT, LETTER_TITLES } from "./definitions";

export interface LetterTemplateText {
  title: string;
  body: string;
}

const REGULATION = "《中华人民共和国政府信息公开条例》";
const APPLICATION = "本机关于{收到申请日期}收到您（单位）提交的政府信息公开申请（登记编号：{案件编号}），申请获取的政府信息为：“{申请内容}”。";

const BODIES: Record<Exclude<LetterKind, "DECISION">, string> = {
  RECEIPT: [
    "{收到申请日期}，本机关收到您（单位）以{申请方式}方式提交的政府信息公开申请，申请获取的政府信息为：“{申请内容}”。本机关已予登记，登记编号为{案件编号}。",
    `根据${REGULATION}第三十三条的规定，本机关将自收到申请之日起20个工作日内予以答复（答复期限至{答复期限}）；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知您，延长的期限最长不超过20个工作日。行政机关征求第三方和其他机关意见所需时间不计算在答复期限内。`,
    "如有疑问，请与本机关联系，联系电话：{机关电话}。",
    "特此回执。",
  ].join("\n"),
  CORRECTION_NOTICE: [
    APPLICATION,
    `经审查，您的申请内容不明确。根据${REGULATION}第二十九条、第三十条的规定，请您对以下事项作出补正：`,
    "{补正事项}",
    "请您于{补正期限}前向本机关提交补正后的申请。答复期限自本机关收到补正的申请之日起计算。您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。",
    "特此告知。",
  ].join("\n"),
  EXTENSION_NOTICE: [
    APPLICATION,
    `因{延期理由}，本机关不能在规定期限内作出答复。根据${REGULATION}第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{延长工作日数}个工作日，本机关将于{延期后答复期限}前作出答复。`,
    "特此告知。",
  ].join("\n"),
  THIRD_PARTY_CONSULTATION: [
    "本机关于{收到申请日期}收到政府信息公开申请（登记编号：{案件编号}），申请获取的政府信息为：“{申请内容}”。",
    `经审查，该政府信息可能涉及你方的商业秘密、个人隐私等合法权益，公开后可能损害你方合法权益。根据${REGULATION}第三十二条的规定，现书面征求你方意见。`,
    "请你方自收到本征求意见书之日起15个工作日内，以书面形式提出是否同意公开的意见；不同意公开的，请说明理由。逾期未提出意见的，由本机关依照条例的规定决定是否公开。第三方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知你方。",
    "联系电话：{机关电话}。",
  ].join("\n"),
  AGENCY_CONSULTATION: [
    "本机关于{收到申请日期}收到政府信息公开申请（登记编号：{案件编号}），申请获取的政府信息为：“{申请内容}”。",
    `经审查，该政府信息由本机关与贵机关共同制作。根据${REGULATION}第三十四条的规定，现征求贵机关意见。`,
    "请贵机关自收到本函之日起15个工作日内提出意见；逾期未提出意见的，视为同意公开。",
    "联系电话：{机关电话}。",
  ].join("\n"),
  FEE_NOTICE: [
    APPLICATION,
    `您申请公开政府信息的数量、频次明显超过合理范围。根据${REGULATION}第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关决定收取信息处理费。`,
    "计收方式：{计收方式}。收费标准：{收费标准}。收费金额：人民币{收费金额}元。",
    "缴纳方式：{缴费方式}。",
    "请您自收到本通知次日起20个工作日内缴纳费用；逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。信息处理费属于行政事业性收费，本机关将开具财政票据。",
    "{救济途径}",
    "特此通知。",
  ].join("\n"),
};

/** The paragraph of each 答复书 that decides, with its legal basis (reference.md §3.3). */
const DECISIONS: Record<Outcome, string> = {
  GRANTED: `您申请获取的政府信息属于可以公开的政府信息。根据${REGULATION}第三十六条第（二）项的规定，本机关决定予以公开。{处理说明}`,
  PARTIALLY_GRANTED: `您申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理。根据${REGULATION}第三十七条的规定，本机关向您提供可以公开的政府信息内容，对不予公开的内容说明理由如下：{处理说明}`,
  WITHHELD_STATE_SECRET: `您申请获取的政府信息属于依法确定为国家秘密的政府信息。根据${REGULATION}第十四条、第三十六条第（三）项的规定，本机关决定不予公开。{处理说明}`,
  WITHHELD_PROHIBITED_BY_LAW: `您申请获取的政府信息属于法律、行政法规禁止公开的政府信息。根据${REGULATION}第十四条、第三十六条第（三）项的规定，本机关决定不予公开。{处理说明}`,
  WITHHELD_SECURITY_STABILITY: `您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定。根据${REGULATION}第十四条、第三十六条第（三）项的规定，本机关决定不予公开。{处理说明}`,
  WITHHELD_THIRD_PARTY_RIGHTS: `您申请获取的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，经征求意见第三方不同意公开且有合理理由。根据${REGULATION}第十五条、第三十二条、第三十六条第（三）项的规定，本机关决定不予公开。{处理说明}`,
  WITHHELD_INTERNAL_AFFAIRS: `您申请获取的政府信息属于人事管理、后勤管理、内部工作流程等方面的内部事务信息。根据${REGULATION}第十六条第一款、第三十六条第（三）项的规定，本机关决定不予公开。{处理说明}`,
  WITHHELD_PROCESS_INFORMATION: `您申请获取的政府信息属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息。根据${REGULATION}第十六条第二款、第三十六条第（三）项的规定，本机关决定不予公开。{处理说明}`,
  WITHHELD_ENFORCEMENT_FILE: `您申请获取的政府信息属于行政执法案卷信息。根据${REGULATION}第十六条第二款、第三十六条第（三）项的规定，本机关决定不予公开。{处理说明}`,
  WITHHELD_ADMINISTRATIVE_QUERY: `您申请获取的信息属于工商、不动产登记资料等有关法律、行政法规对信息的获取有特别规定的事项。根据${REGULATION}第三十六条第（七）项的规定，请您依照有关法律、行政法规的规定办理。{处理说明}`,
  UNAVAILABLE_NOT_HELD: `经检索，本机关未制作、获取您申请的政府信息，该政府信息不存在（或者不属于本机关负责公开）。根据${REGULATION}第三十六条第（四）项、第（五）项的规定，特此告知。{处理说明}`,
  UNAVAILABLE_NEEDS_CREATION: `您申请获取的政府信息需要本机关对现有政府信息进行加工、分析后制作。根据${REGULATION}第三十八条的规定，本机关不予提供。{处理说明}`,
  UNAVAILABLE_UNCLEAR_AFTER_CORRECTION: `本机关已于{补正告知日期}告知您补正申请，您补正后申请内容仍不明确，本机关无法确定您申请获取的政府信息。根据${REGULATION}第二十九条、第三十条的规定，本机关无法提供。{处理说明}`,
  NOT_PROCESSED_COMPLAINT: `您以政府信息公开申请的形式进行信访、投诉、举报等活动。根据${REGULATION}第三十九条第一款的规定，本机关不作为政府信息公开申请处理，请您通过相应渠道提出。{处理说明}`,
  NOT_PROCESSED_REPEAT: `您此前已向本机关申请公开相同的政府信息，本机关已依法作出答复，您重复申请公开相同的政府信息。根据${REGULATION}第三十六条第（六）项的规定，本机关不予重复处理。{处理说明}`,
  NOT_PROCESSED_PUBLICATION: `您申请获取的是公开出版物。根据${REGULATION}第三十九条第二款的规定，本机关告知您获取的途径：{处理说明}`,
  NOT_PROCESSED_EXCESSIVE: `您申请公开政府信息的数量、频次明显超过合理范围，经本机关要求说明理由，所说明的理由不合理。根据${REGULATION}第三十五条的规定，本机关不予处理。{处理说明}`,
  NOT_PROCESSED_CONFIRM_OR_REISSUE: `您要求本机关确认或者重新出具您已获取的信息，不属于${REGULATION}第二条所称的政府信息公开申请，本机关不予处理。{处理说明}`,
  OTHER_NO_CORRECTION: `本机关已于{补正告知日期}告知您补正申请，补正期限至{补正期限}。您无正当理由逾期未补正。根据${REGULATION}第三十条的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。`,
  OTHER_FEE_UNPAID: "本机关已于{收费通知日期}向您发出收费通知，您逾期未按收费通知要求缴纳费用。根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。",
  OTHER_OTHER: "对您的申请，本机关处理如下：{处理说明}",
};

function decisionBody(outcome: Outcome): string {
  return [APPLICATION, "经审查，现答复如下：", DECISIONS[outcome], "{救济途径}", "特此答复。"].join("\n");
}

/** The built-in text of a kind and variant (for a 答复书, the outcome). */
export function builtInLetterTemplate(kind: LetterKind, variant: string): LetterTemplateText {
  if (kind === "DECISION") {
    if (!Object.hasOwn(DECISIONS, variant)) throw new Error(`答复书没有“${variant}”这一结果`);
    return { title: LETTER_TITLES.DECISION, body: decisionBody(variant as Outcome) };
  }
  if (variant !== DEFAULT_VARIANT) throw new Error(`${kind} 只有一种模板`);
  return { title: LETTER_TITLES[kind], body: BODIES[kind] };
}

/**
 * 行政复议法（2023）第二十三条: a refusal to disclose (不予公开, wholly or in part) is reviewed first;
 * only the review decision can then be brought to court. Every other decision may go to either.
 */
export function remediesSentence(options: { outcome: Outcome | null; reviewOrgan: string; court: string }): string {
  const reviewFirst = options.outcome === "PARTIALLY_GRANTED" || (options.outcome?.startsWith("WITHHELD_") ?? false);
  if (reviewFirst) {
    return `如对本答复不服，依照《中华人民共和国行政复议法》第二十三条的规定，可以自收到本答复书之日起六十日内向${options.reviewOrgan}申请行政复议；对行政复议决定不服的，可以依法向人民法院提起行政诉讼。`;
  }
  const document = options.outcome ? "本答复书" : "本通知";
  return `如对本${options.outcome ? "答复" : "决定"}不服，可以自收到${document}之日起六十日内向${options.reviewOrgan}申请行政复议，或者自收到${document}之日起六个月内向${options.court}提起行政诉讼。`;
}
