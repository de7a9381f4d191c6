import type { Metadata } from "next";
import { Link } from "@/components/link";
import { requireActor } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { LEDGER_HELP_COLUMNS } from "@/lib/help/ledger-columns";

export const metadata: Metadata = { title: "使用说明" };

// The manual inside the app (issue 13, item 8): the workflow, the deadline rules in plain words with
// the articles of the 条例 they come from, the report's counting rules and the ledger file's columns.
// Each section has an anchor (#workflow, #deadlines, #counting, #ledger) that pages link to.
export default async function HelpPage() {
  await requireActor();
  return (
    <div className="page" data-testid="help-page">
      <PageHeader title="使用说明" subtitle="办理流程、期限规则、年度报告统计口径和台账文件格式" />
      <nav className="card" aria-label="本页目录">
        <ol>
          <li><a href="#workflow">办理流程</a></li>
          <li><a href="#deadlines">期限怎么算</a></li>
          <li><a href="#counting">年度报告的统计口径</a></li>
          <li><a href="#ledger">台账文件的列</a></li>
        </ol>
      </nav>

      <section className="card" id="workflow" aria-labelledby="help-workflow">
        <h2 id="help-workflow">一、办理流程</h2>
        <ol>
          <li><strong>登记</strong>：在“登记申请”中填写申请人、申请方式、收到申请日期和申请内容。收到申请日期按《政府信息公开条例》第三十一条确定：当面提交的为提交之日；邮寄需签收的为签收之日；平信为与申请人确认之日；网络、传真为双方确认之日。</li>
          <li><strong>分配</strong>：登记人默认为经办人；导入的案件没有经办人，会出现在每位负责人工作台的“未分配”栏和提醒中，由负责人在案件页“改派”。</li>
          <li><strong>办理步骤</strong>：在案件页“登记办理步骤”中按实际发生登记补正告知、收到补正、征求意见、收到意见、延期、收费通知、缴费，系统随之重算答复期限，并在“期限说明”中逐步说明。</li>
          <li><strong>答复办结</strong>：登记答复日期（直接送达为签收之日，邮寄为交邮之日）和办理结果；一件申请含多项内容的，逐项登记处理结果，系统按统计规则得出该件的办理结果。</li>
          <li id="same-day-reply"><strong>当场答复</strong>：在窗口当场答复的申请（如当场提供已公开的信息），在登记表中勾选“当场答复”，同时填写处理结果和送达方式（答复日期默认为收到申请日期），点“登记并办结”：登记和办结一次保存，要么都成功、要么都不保存，处理结果计入年度报告。</li>
          <li><strong>文书与案卷</strong>：在“文书”中出具告知书、答复书，在“案卷材料”中上传申请书、送达回证等。</li>
          <li><strong>复议诉讼</strong>：申请人申请行政复议或提起行政诉讼的，在案件页“复议诉讼”中登记，计入年度报告表四。</li>
          <li><strong>年度报告</strong>：年底在“年度报告”中生成报告，核对数据质量提示后发布。</li>
        </ol>
        <p id="batch">
          <strong>批量处理与我的筛选</strong>：在案件台账勾选案件（或勾选表头选中本页全部），可“批量分配经办人”（负责人、管理员）或“批量答复办结”（同一处理结果、同一送达日期，例如多件“本机关不掌握相关政府信息”；“部分公开”须逐件登记）。一次最多 200 件，确认后执行；每件案件按与案件页相同的规则检查，任何一件已被他人修改、已作废或不符合办理规则时，全部不执行，提示中列出这些案件的编号和原因。一次批量操作在操作记录中是一条“批量操作”记录，列出全部案件，各案件的操作记录中也有相应一条。筛选好台账后，可在“保存当前筛选为”中起名保存，之后点“我的筛选”中的名称即可恢复；保存的筛选只有本人可见。
        </p>
        <p id="search">
          <strong>搜索</strong>：案件台账的搜索框在申请编号、申请人、代理人、证件号码、联系方式和申请内容中查找，不区分大小写。输入几个词并用空格隔开（如“李 娜”“拆迁 补偿”），列出每个词都出现的案件，各词可在不同的栏目中。地址中的筛选条件无效（例如日期不存在）时，台账上方会提示并不使用该条件。
        </p>
        <p id="keys">
          <strong>键盘操作</strong>：在输入框以外按 <kbd>/</kbd> 跳到本页的搜索框，按 <kbd>n</kbd> 登记新申请，按 <kbd>g</kbd> 再按 <kbd>h</kbd> 回到工作台，按 <kbd>?</kbd> 打开本页。页面顶部的“跳到主要内容”链接可跳过导航栏。
        </p>
      </section>

      <section className="card" id="deadlines" aria-labelledby="help-deadlines">
        <h2 id="help-deadlines">二、期限怎么算</h2>
        <ul>
          <li><strong>答复期限</strong>：自收到申请之日起 20 个工作日内答复（条例第三十三条）。从收到申请的次日起算，第 20 个工作日为截止日期。</li>
          <li><strong>工作日</strong>：周一至周五，去掉法定节假日，加上调休上班的周末，按“设置 → 工作日历”中国务院办公厅公布的安排计算。某年的安排尚未录入确认时，先按《全国年节及纪念日放假办法》的法定节日暂算，延伸到该年的期限标为“暂定”。</li>
          <li><strong>补正</strong>（条例第三十条）：申请内容不明确的，应在收到申请后 7 个工作日内一次性告知申请人补正，并给出合理的补正期限。发出补正告知后停止计时；收到补正材料之日起重新计算 20 个工作日。申请人无正当理由逾期不补正的，视为放弃申请，按“（六）其他处理 1”办结。超过 7 个工作日才发出的补正告知须说明理由，只停止计时、不重新起算。</li>
          <li><strong>征求意见</strong>（条例第三十二条、第三十四条、第三十三条第三款）：征求第三方或其他机关意见的，对方应在 15 个工作日内答复；自发出征求意见的次日至收到答复之日（或 15 个工作日届满之日）不计入答复期限。同时征求几方意见的，重叠的日子只算一次。</li>
          <li><strong>收费</strong>（条例第四十二条、国办函〔2020〕109号）：自发出收费通知的次日至缴费之日停止计时（本单位可在设置中改为不停止）。申请人收到通知后 20 个工作日内未缴费的，按“（六）其他处理 2”办结。按件收费：同一申请人每月第 1–10 件免费，第 11–30 件每件 100 元，此后每 10 件一档、每档每件加收 100 元；按量收费：30 页以内免费，31–100 页每页 10 元，101–200 页每页 20 元，201 页以上每页 40 元。</li>
          <li><strong>延期</strong>（条例第三十三条第二款）：需要延长答复期限的，须经政府信息公开工作机构负责人同意，并在原期限届满前告知申请人，最长延长 20 个工作日，只能延期一次。</li>
          <li id="extension-approval"><strong>延期审批</strong>：经办人在案件页点“申请延期”，填写延长的工作日数和理由；本单位负责人会收到提醒，并在工作台“待批延期”栏中看到。负责人在案件页点“批准延期”并“确认批准”后，系统以负责人本人为批准人、当天为批准和告知日期登记延期步骤，答复期限随即延长；也可填写理由驳回，经办人会收到提醒。批准前答复期限不变；原期限届满后不能再申请或批准。申请人本人不能批准自己的申请（负责人提出的，由其他负责人批准）；负责人办理自己的案件可直接登记“延期”。批准后可出具延期答复告知书。</li>
          <li><strong>即将到期与逾期</strong>：剩余 5 个工作日以内为即将到期；超过截止日期仍未办结为逾期。系统在工作台和提醒中列出。</li>
        </ul>
      </section>

      <section className="card" id="counting" aria-labelledby="help-counting">
        <h2 id="help-counting">三、年度报告的统计口径</h2>
        <ul>
          <li>一件申请计为一件，按登记时的申请人类型计入自然人、商业企业、科研机构、社会公益组织、法律服务机构或其他一栏；代理人代为申请的，按被代理人分类。</li>
          <li><strong>一、本年新收</strong>：当年收到的申请；<strong>二、上年结转</strong>：上年底前收到、上年底尚未办结的申请；<strong>三、本年度办理结果</strong>：当年办结的申请，按办理结果计入各行；<strong>四、结转下年度继续办理</strong>：年底仍未办结的申请。因此“一 + 二 = 总计 + 四”。</li>
          <li>办结日期为答复送达之日（邮寄为交邮之日）。等待补正、征求意见、等待缴费的申请均为在办。</li>
          <li>一件申请含多项内容的：既有公开又有不予公开的，计为“部分公开”；各项结果相同的，计为该结果；否则按经办人标明的主要结果。申请人撤回的计为“（六）其他处理 3”。</li>
          <li><strong>表四 复议诉讼</strong>：只统计本机关作为原行政行为机关被申请复议、被起诉的案件；默认统计当年提起的案件，年底前已有结果的按结果计入，尚无结果的计入“尚未审结”。复议后起诉的只计入“复议后起诉”。</li>
          <li><strong>收费</strong>：报告第六部分列出当年发出收费通知的件数、金额和实际收取的金额。</li>
        </ul>
      </section>

      <section className="card" id="ledger" aria-labelledby="help-ledger">
        <h2 id="help-ledger">四、台账文件的列</h2>
        <p>
          在“案件台账 → 导入台账”上传 CSV（UTF-8）或 XLSX（第一个工作表），第一行为列名，列的顺序不限，空行跳过；日期写作 YYYY-MM-DD，金额以元为单位、最多两位小数。导入要么全部成功，要么一件也不写入，每个问题都列出行号、列名和原因。“导出台账”生成的文件格式相同。
        </p>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">列名</th>
                <th scope="col">必填</th>
                <th scope="col">内容</th>
              </tr>
            </thead>
            <tbody>
              {LEDGER_HELP_COLUMNS.map((column) => (
                <tr key={column.name}>
                  <td className="nowrap">{column.name}</td>
                  <td className="nowrap">{column.required}</td>
                  <td>{column.values}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted">
          <Link href="/cases/import">前往导入台账</Link>
        </p>
      </section>
    </div>
  );
}
