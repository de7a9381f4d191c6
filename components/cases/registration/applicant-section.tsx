"use client";

// The applicant part of the registration (条例 Art. 29): the report column, name, ID, contact, address
// and the agent, shared by registering and correcting a registration.
import { useState } from "react";
import type { ApplicantType } from "@/lib/domain-types";
import { idNumberWarning } from "@/lib/cases/id-number";
import { ApplicantTypeField } from "./applicant-type-field";
import { TextField } from "./text-field";
import styles from "./registration.module.css";

export interface ApplicantDefaults {
  applicantType: ApplicantType;
  applicantName: string;
  applicantIdNumber: string | null;
  applicantContact: string | null;
  applicantAddress: string | null;
  agentName: string | null;
  agentContact: string | null;
}

export function ApplicantSection({ error, defaults }: { error: (field: string) => string | undefined; defaults?: ApplicantDefaults }) {
  const [hasAgent, setHasAgent] = useState(Boolean(defaults?.agentName || defaults?.agentContact));
  const [idWarning, setIdWarning] = useState<string | null>(defaults?.applicantIdNumber ? idNumberWarning(defaults.applicantIdNumber) : null);
  return (
    <section className={`card ${styles.section}`} aria-labelledby="applicant-heading">
      <h2 id="applicant-heading">申请人</h2>
      <ApplicantTypeField error={error("applicantType")} defaultValue={defaults?.applicantType} />
      <div className={styles.fieldGrid}>
        <TextField id="applicantName" name="applicantName" label="申请人姓名或名称" maxLength={100} error={error("applicantName")} defaultValue={defaults?.applicantName} />
        <TextField
          id="applicantIdNumber"
          name="applicantIdNumber"
          label="证件号码"
          hint="身份证号、统一社会信用代码或其他证件，可写明证件种类"
          warning={idWarning}
          onChange={(value) => setIdWarning(idNumberWarning(value))}
          maxLength={100}
          error={error("applicantIdNumber")}
          defaultValue={defaults?.applicantIdNumber ?? undefined}
        />
        <TextField
          id="applicantContact"
          name="applicantContact"
          label="联系方式"
          hint="电话、电子邮箱或其他联系方式"
          maxLength={500}
          error={error("applicantContact")}
          defaultValue={defaults?.applicantContact ?? undefined}
        />
        <TextField id="applicantAddress" name="applicantAddress" label="通信地址" maxLength={200} error={error("applicantAddress")} defaultValue={defaults?.applicantAddress ?? undefined} />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={hasAgent} onChange={(event) => setHasAgent(event.target.checked)} />
        由代理人代为申请
      </label>
      {hasAgent ? (
        <div className={styles.agentBlock}>
          <p className="hint">委托代理的按被代理人归类：上方的申请人及申请人类型填写被代理人。</p>
          <div className={styles.fieldGrid}>
            <TextField id="agentName" name="agentName" label="代理人姓名" maxLength={100} error={error("agentName")} defaultValue={defaults?.agentName ?? undefined} />
            <TextField id="agentContact" name="agentContact" label="代理人联系方式" maxLength={100} error={error("agentContact")} defaultValue={defaults?.agentContact ?? undefined} />
          </div>
        </div>
      ) : null}
    </section>
  );
}
