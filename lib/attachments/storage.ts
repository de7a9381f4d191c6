// Where the case file's contents live (docs/decisions/0041): the local disk under DATA_DIR/attachments
// by default (inside the data folder, so backed up with it), or an S3-compatible bucket (MinIO or a
// cloud's object storage) when S3_BUCKET is set. Contents are stored under their SHA-256 within the
// organization, written once and never removed; a read checks the hash again.
import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { getEnv } from "../env";
import { AppError } from "../errors";

export type StorageKind = "local" | "s3";

export interface AttachmentStorage {
  kind: StorageKind;
  /** Stores bytes under a key; the same key always holds the same bytes. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Uint8Array>;
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** organization/ab/abcdef…: content-addressed, two-character fan-out. */
export function storageKeyFor(organizationId: string, sha256: string): string {
  return `${organizationId}/${sha256.slice(0, 2)}/${sha256}`;
}

export function createLocalStorage(directory: string): AttachmentStorage {
  const fileOf = (key: string) => {
    const file = path.resolve(directory, key);
    if (!file.startsWith(path.resolve(directory) + path.sep)) throw new Error(`非法的存储键：${key}`);
    return file;
  };
  return {
    kind: "local",
    async put(key, bytes) {
      const file = fileOf(key);
      const exists = await stat(file).then(
        () => true,
        () => false,
      );
      if (exists) return;
      await mkdir(path.dirname(file), { recursive: true });
      // Written beside, then renamed: a reader never sees half a file.
      const temporary = `${file}.${randomUUID()}.partial`;
      await writeFile(temporary, bytes, { flag: "wx" });
      await rename(temporary, file);
    },
    async get(key) {
      return new Uint8Array(await readFile(fileOf(key)));
    },
  };
}

export interface S3Settings {
  bucket: string;
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
}

export function createS3Storage(settings: S3Settings): AttachmentStorage {
  // Loaded on first use only: installations on the local disk never load the SDK.
  const client = import("@aws-sdk/client-s3").then((sdk) => ({
    sdk,
    client: new sdk.S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      credentials: settings.accessKeyId && settings.secretAccessKey ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } : undefined,
      // S3-compatible servers (MinIO, older gateways) do not all know the SDK's default CRC32 checksums.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    }),
  }));
  return {
    kind: "s3",
    async put(key, bytes, contentType) {
      const { sdk, client: s3 } = await client;
      await s3.send(new sdk.PutObjectCommand({ Bucket: settings.bucket, Key: key, Body: bytes, ContentType: contentType, ContentLength: bytes.length }));
    },
    async get(key) {
      const { sdk, client: s3 } = await client;
      const object = await s3.send(new sdk.GetObjectCommand({ Bucket: settings.bucket, Key: key }));
      if (!object.Body) throw new Error(`对象存储中没有 ${key}`);
      return object.Body.transformToByteArray();
    },
  };
}

let configured: { local: AttachmentStorage; s3: AttachmentStorage | null } | undefined;

function storages() {
  if (!configured) {
    const env = getEnv();
    configured = {
      local: createLocalStorage(path.resolve(env.DATA_DIR, "attachments")),
      s3: env.S3_BUCKET
        ? createS3Storage({
            bucket: env.S3_BUCKET,
            endpoint: env.S3_ENDPOINT,
            region: env.S3_REGION,
            accessKeyId: env.S3_ACCESS_KEY_ID,
            secretAccessKey: env.S3_SECRET_ACCESS_KEY,
            forcePathStyle: env.S3_FORCE_PATH_STYLE,
          })
        : null,
    };
  }
  return configured;
}

/** Where new attachments go: S3 when configured, otherwise the local disk. */
export function attachmentStorage(): AttachmentStorage {
  const { local, s3 } = storages();
  return s3 ?? local;
}

/** The storage an attachment was written to (an installation may move from disk to S3; old files stay). */
export function storageOf(kind: string): AttachmentStorage {
  const { local, s3 } = storages();
  if (kind === "local") return local;
  if (kind === "s3" && s3) return s3;
  throw new AppError("INVALID_STATE", "该附件保存在对象存储中，但当前未配置对象存储（S3_BUCKET），请联系管理员");
}

/** Reads an attachment and checks it is still what was stored. */
export async function readStoredContent(kind: string, key: string, sha256: string): Promise<Uint8Array> {
  const bytes = await storageOf(kind).get(key);
  if (sha256Of(bytes) !== sha256) throw new AppError("INVALID_STATE", "附件内容与登记时的校验值不一致，文件可能已损坏，请联系管理员");
  return bytes;
}
