// The enums of the data model as types, for components (which never import the database client).
export type {
  ApplicantType,
  ApplicationStatus,
  CaseEventType,
  Channel,
  LetterKind,
  LitigationRoute,
  Outcome,
  ProceedingDisposition,
  ProceedingInstanceLevel,
  ProceedingKind,
  ProceedingResult,
  Role,
} from "@prisma/client";
