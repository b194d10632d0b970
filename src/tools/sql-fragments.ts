/**
 * SQL injection shapes in free text. The store never builds SQL from these values
 * (every query is parameterised), but they travel on to a CRM and a helpdesk whose
 * code we do not know. "Refuse" means the shapes that only an injection has: a quote
 * closed and followed by a comment or a tautology, a stacked statement after `;`,
 * UNION SELECT, a comment after a statement. Ordinary text with quotes, semicolons and words such
 * as "drop", "select" or "update" passes ("O'Brien; please update the drop-down").
 * Shapes after OWASP's SQL Injection Prevention Cheat Sheet and CWE-89.
 */
const SHAPES: RegExp[] = [
  // A stacked statement: `; DROP TABLE users`, `; DELETE FROM x`, `; INSERT INTO`, `; UPDATE x SET`, `; EXEC xp_…`.
  /;\s*(?:drop|truncate|alter|create)\s+(?:table|database|schema|index|view|user|function|procedure)\b/i,
  /;\s*(?:delete\s+from|insert\s+into|update\s+[\w."`\[\]]+\s+set|exec(?:ute)?\s+(?:xp_|sp_|\w+\s*\()|shutdown\b|grant\s+\w+\s+on)\b/i,
  /;\s*select\s+[\w*,\s."`()]+\s+from\s+\w/i,
  // A quote closed, then a comment or a boolean tautology: `' --`, `' #`, `' OR '1'='1`, `" or 1=1`.
  /['"`]\)?;?(?:--|#|\/\*)/,
  /['"`]\s*\)?\s*;?\s*(?:--|#)\s*$/m,
  /['"`]\s*\)?\s*(?:or|and)\s+(?:['"`]?\w+['"`]?\s*(?:=|like|<>|!=)\s*['"`]?\w+|true|false)\b/i,
  /\bunion\s+(?:all\s+)?select\b/i,
  // A statement ended and the rest commented out: `…; --`.
  /;\s*--\s*$/m,
  // Time-based probes.
  /\b(?:sleep|pg_sleep|benchmark)\s*\(\s*\d/i,
  /\bwaitfor\s+delay\b/i,
];

export function looksLikeSqlInjection(text: string): boolean {
  return SHAPES.some((shape) => shape.test(text));
}
