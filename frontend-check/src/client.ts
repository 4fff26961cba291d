// A small typed client over the generated types: an operation is called by its name, its
// variables and its answer are typed by GraphQL Codegen from docs/operations and the schema.
// `tsc --noEmit` compiling this file proves the operations and the schema work with the tooling
// front ends use; the @ts-expect-error lines prove the types are strict enough to catch mistakes.
import type { ErrorCode } from "./generated/graphql.js";
import type { AchievementSubtype } from "./generated/schema.js";
import { documents, type Operations } from "./generated/operations.js";

type Name = keyof Operations;
type Answerable = { [N in Name]: Operations[N]["kind"] extends "subscription" ? never : N }[Name];

export interface GraphQLFailure {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

export class RequestFailed extends Error {
  constructor(readonly errors: GraphQLFailure[]) {
    super(errors.map((error) => `${error.extensions?.code ?? "ERROR"}: ${error.message}`).join("; "));
  }
}

export class CreditBankClient {
  constructor(private readonly endpoint: string, private token?: string) {}

  /** Runs a query or mutation of docs/operations over HTTP POST (JSON). */
  async request<N extends Answerable>(name: N, variables: Operations[N]["variables"]): Promise<Operations[N]["data"]> {
    const response = await fetch(this.endpoint, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/graphql-response+json",
        ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ query: documents[name], variables, operationName: name }),
    });
    const body = (await response.json()) as { data?: Operations[N]["data"]; errors?: GraphQLFailure[] };
    if (body.errors?.length || body.data === undefined) throw new RequestFailed(body.errors ?? []);
    return body.data;
  }

  signIn(token: string): void {
    this.token = token;
  }
}

/** What a form shows: each payload error by the input field it names. */
export function errorsByField(errors: ReadonlyArray<{ field: string | null; code: ErrorCode; message: string }>) {
  const byField = new Map<string, string[]>();
  for (const error of errors) byField.set(error.field ?? "", [...(byField.get(error.field ?? "") ?? []), error.message]);
  return byField;
}

// --- screens written against the client ---------------------------------------------------------

export async function signIn(client: CreditBankClient, account: string, password: string) {
  const { login } = await client.request("Login", { input: { account, password } });
  if (login.errors.length) return { ok: false as const, errors: errorsByField(login.errors) };
  client.signIn(login.token ?? "");
  return { ok: true as const, mustChangePassword: login.account?.mustChangePassword ?? false };
}

export async function cataloguePage(client: CreditBankClient, page: number, size = 10) {
  const { achievements } = await client.request("Achievements", {
    filter: { category: "DEGREE", recognitionStatus: "RECOGNIZED" },
    first: size,
    offset: (page - 1) * size,
  });
  return {
    total: achievements.totalCount, // 共 N 条
    rows: achievements.nodes.map((row) => [row.name, row.subtype, row.learnerCount ?? "—"] as const),
  };
}

export async function exportSelected(client: CreditBankClient, ids: string[], code: string) {
  const { exportAchievements } = await client.request("ExportAchievements", {
    input: { ids, allMatching: false, code },
  });
  const refused = exportAchievements.errors.find((error) => error.code === "CODE_USED" || error.code === "CODE_INVALID");
  return refused ? { retryWithNewCode: true as const } : { url: exportAchievements.file?.url, rows: exportAchievements.rowCount };
}

export async function reviewAll(client: CreditBankClient, ruleCode: string) {
  const { reviewConversion } = await client.request("ReviewConversion", {
    input: { allMatching: true, filter: { ruleCode, status: "PENDING" }, decision: "PASSED" },
  });
  return reviewConversion.results.filter((row) => !row.ok).map((row) => row.error?.code);
}

/** The Chinese names of the subtypes, from labels (no screen hard-codes 未认定 or 学历成果). */
export async function subtypeLabels(client: CreditBankClient) {
  const { labels } = await client.request("EnumLabels", { names: ["AchievementSubtype"] });
  const names: Partial<Record<AchievementSubtype, string>> = {};
  for (const { value, label } of labels[0]?.values ?? []) names[value as AchievementSubtype] = label;
  return names;
}

export async function unreadBadge(client: CreditBankClient): Promise<number> {
  return (await client.request("UnreadMessageCount", {})).unreadMessageCount;
}

export async function learnerMatches(client: CreditBankClient) {
  const { myMatchingRules } = await client.request("MyMatchingRules", { first: 20 });
  return myMatchingRules.nodes
    .filter((match) => match.canApply)
    .map((match) => ({ rule: match.rule.code, record: match.sources[0]?.records[0]?.id }));
}

// --- the types catch mistakes ---------------------------------------------------------------------

export async function mistakes(client: CreditBankClient) {
  // @ts-expect-error: LoginInput needs a password.
  await client.request("Login", { input: { account: "4143010536" } });
  // @ts-expect-error: PUBLISHED is not a recognition status.
  await client.request("Achievements", { filter: { recognitionStatus: "PUBLISHED" } });
  // @ts-expect-error: no such operation in docs/operations.
  await client.request("DropAllTables", {});
  // @ts-expect-error: subscriptions run over the websocket, not request().
  await client.request("OnMessageReceived", {});
  const { achievements } = await client.request("Achievements", {});
  // @ts-expect-error: the list's rows have no idNumber field.
  return achievements.nodes[0]?.idNumber;
}

export const notAnErrorCode = (code: ErrorCode) =>
  // @ts-expect-error: codes are a closed union of the schema's ErrorCode values.
  code === "NO_SUCH_CODE";
