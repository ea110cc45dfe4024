// SPDX-License-Identifier: GPL-2.0-only
//
// The GitLab Code Quality report as a type, for ts-json-schema-generator:
// an array of Code Climate issues (the type of the codeclimate-types
// package) with the two members that GitLab requires and Code Climate
// leaves optional, "fingerprint" and "severity".
import type { Issue, Severity } from "codeclimate-types";

export interface GitLabIssue extends Issue {
  fingerprint: string;
  severity: Severity;
}

export type GitLabCodeQualityReport = GitLabIssue[];
