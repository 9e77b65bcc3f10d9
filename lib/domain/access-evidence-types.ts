/** A policy document the console shows read-only, by a stable id (the same managed policy is sent once). */
export interface EvidenceDocument {
  label: string;
  text: string;
}

/** Where one deciding statement sits: its document and its lines (1-based, inclusive). */
export interface StatementLines {
  documentId: string;
  from: number;
  to: number;
}

/** The documents behind an access answer and the lines of each direct access's deciding statements. */
export interface StatementEvidence {
  documents: Record<string, EvidenceDocument>;
  /** Per direct access (keyed by `evidenceKey`), its deciding statements in the analysis's order; null where the document is not stored. */
  lines: Record<string, (StatementLines | null)[]>;
}

export const evidenceKey = (principalArn: string, roleArn: string) => `${principalArn}>${roleArn}`;
