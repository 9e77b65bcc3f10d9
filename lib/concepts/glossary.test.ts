import { describe, expect, it } from "vitest";
import { CONCEPT_IDS, CONCEPTS } from "./glossary";

describe("the IAM glossary", () => {
  it.each(CONCEPT_IDS)("explains %s in two or three sentences and links its AWS page", (id) => {
    const c = CONCEPTS[id];
    expect(c.id).toBe(id);
    expect(c.term.trim()).not.toBe("");
    expect(c.explanation.length).toBeGreaterThanOrEqual(1);
    const sentences = c.explanation.join(" ").split(/(?<=[.!?])\s+(?=[A-Z])/).filter((s) => s.trim());
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(4);
    expect(c.awsDocs.title.trim()).not.toBe("");
    expect(c.awsDocs.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/IAM\/latest\/UserGuide\/[a-z0-9_-]+\.html(#[a-z0-9_-]+)?$/i);
  });

  it("names every term once", () => {
    const terms = CONCEPT_IDS.map((id) => CONCEPTS[id].term.toLowerCase());
    expect(new Set(terms).size).toBe(terms.length);
    expect(Object.keys(CONCEPTS).sort()).toEqual([...CONCEPT_IDS].sort());
  });
});
