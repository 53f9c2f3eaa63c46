// The system's name as a plan states it: in its title beside the words that name the document ("Harbor Shop —
// Disaster Recovery Plan", "Répertoire des Sauvegardes - GestParc"), in front matter, or in the opening sentence
// ("…moves the Ostrich Grants Portal to the standby region"). A generic title ("Backup & Restore", "Runbook —
// Snapshot & Recovery") names no system, and then nothing is guessed from it: a wrong name is worse than none.

/** Words that name the document or its subject, not the system, in the languages plans are written in. */
const DOCUMENT_WORDS = [
  // English
  String.raw`business[\s-]+continuity(?:\s+(?:and|&)\s+disaster[\s-]+recovery)?`,
  String.raw`disaster[\s-]+recovery`,
  String.raw`bc\s*/\s*dr|bcdr|bc|dr|bcp|drp|rto\s*/\s*rpo|rto|rpo|sla`,
  String.raw`(?:backups?|back-ups?|restores?|recovery|snapshots?|failover|fail-over|continuity|resilience)`,
  String.raw`(?:plan|overview|runbook|playbook|procedures?|process|strategy|guide|documentation|docs|policy|standard|checklist|matrix|reference|targets?|objectives?|measurements?|readme|handbook|manual|notes|setup|implementation|appendix|extract|excerpt|redacted|draft|template|version)`,
  String.raw`disaster|business|time|point|data|loss|and|&|the|for|of|a|an|with|how|to|our|your`,
  // On-call documents: "On-Call Rotation", "On-Call Schedule", "On-call Roster & Expectations"
  String.raw`on[\s-]?call|oncall|rotations?|schedules?|roster|rota|escalations?|expectations|shifts?|hand-?offs?`,
  // Spanish, Portuguese, Italian
  String.raw`plan(?:o|ificación)?|recuperaci[oó]n|recupera[cç][aã]o|ante|de|del|da|do|dos|das|desastres?|copias?|seguridad|respaldos?|datos|dados|y|e|gu[ií]a|procedimientos?|metas|objetivos|piano|ripristino|estrat[ée]gias?|estrategias?|strat[ée]gie|strategie`,
  // French, German, Turkish
  String.raw`reprise|d'activit[ée]|activit[ée]|continuit[ée]|sauvegardes?|r[ée]pertoire|des|du|la|le|les|et|pra|pca|ps`,
  String.raw`notfall(?:plan|-?playbook|handbuch)?|wiederherstellung|datensicherung|und|f[üu]r|der|die`,
  String.raw`felaket|kurtarma|yedekleme|plan[ıi]|operasyon|runbook'u|ve|i[çc]in`,
].join("|");
const DOCUMENT_WORD = new RegExp(String.raw`^(?:${DOCUMENT_WORDS})$`, "i");
// Title words in scripts without spaces: 災害復旧計画, 実装ガイド, 灾难恢复手册, 재해 복구 계획, 백업…
const CJK_DOCUMENT_WORDS =
  /災害復旧計画|災害復旧|復旧手順|実装ガイド|ガイド|計画|バックアップ|灾难恢复|灾备|手册|预案|方案|备份|恢复|재해\s*복구|복구|계획|백업|가이드|절차|표준|공통|版/g;

const SEPARATORS = /\s+[-–—|:]\s+|\s*[:|（）()]\s*|\s+[-–—]$|^[-–—]\s+/;
const SYMBOLS = /[\p{Extended_Pictographic}\uFE0F\u200D]/gu;

const edges = (w: string) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}'.)]+$/gu, "");

/**
 * What is left of a title part once the document's own words are gone, and whether it is one run of words
 * (the document's words only before or after it: "Disaster Recovery Plan for the Kestrel Shop").
 */
function withoutDocumentWords(part: string): { rest: string; contiguous: boolean } {
  const words = part
    .replace(CJK_DOCUMENT_WORDS, " / ")
    .split(/[\s/]+/)
    .filter(Boolean);
  const kept = words.map((w) => !DOCUMENT_WORD.test(edges(w)) && /[\p{L}\p{N}]/u.test(w));
  const first = kept.indexOf(true);
  const last = kept.lastIndexOf(true);
  const rest = words.filter((_, i) => kept[i]).join(" ");
  return { rest: edges(rest), contiguous: first >= 0 && kept.slice(first, last + 1).every(Boolean) };
}

/** Common words: a remainder made only of them ("Small Office", "Wiki Server") describes, it does not name. */
const GENERIC =
  /^(?:small|large|main|primary|secondary|home|office|server|servers|host|hosts|cluster|infrastructure|environment|production|staging|company|organization|organisation|team|department|website|site|wiki|database|databases|store|document|documents|files?|zone|region|evacuation|applications?|services?|systems?|platform|network|it|lab|homelab|vps|machines?|stack|general|internal|core|legacy|bare-metal|full|complete|emergency|critical|operations?|ops|security|infra|cloud|on-prem|local|remote|sla|regional|zone|site|multi-region|cross-region|on)$/i;

/**
 * The name a title gives, when it gives one: the run of words beside the document's own words in a part of the
 * title ("Finch CRM - DR Runbook", "# Heron Billing", "Tideway Fleet Maintenance Disaster Recovery Plan"), or
 * what is left of a part when the document's text uses that name again. Never a remainder of common words only.
 */
export function nameFromTitle(title: string, body: string): string {
  const parts = title
    .replace(SYMBOLS, " ")
    .replace(/\*\*|__|`/g, "")
    .split(SEPARATORS)
    .map((p) => p.trim())
    .filter(Boolean);
  for (const part of parts) {
    const { rest, contiguous } = withoutDocumentWords(part);
    // A name has a capital or is in a script without case: "restic-jobs" is a folder's name.
    if (!/[\p{Lu}\p{Lo}]/u.test(rest) || rest.length < 2) continue;
    if (rest.split(/\s+/).every((w) => GENERIC.test(edges(w)))) continue;
    if (contiguous || body.includes(rest)) return rest;
  }
  return "";
}

/** Vendors and tools: a capitalised run naming them is where the system runs, not the system. */
const NOT_A_SYSTEM =
  /^(?:AWS|Amazon|Azure|Microsoft|Google|GCP|Cloud|S3|Glacier|EC2|RDS|Kubernetes|K8s|Docker|Compose|Helm|Velero|PostgreSQL|Postgres|MySQL|MariaDB|MongoDB|Redis|Elasticsearch|Linux|Ubuntu|Debian|Windows|GitHub|GitLab|Terraform|Ansible|Proxmox|Hetzner|DigitalOcean|Backblaze|Cloudflare|Vercel|Supabase|Firebase|Heroku|Netlify|Restic|Borg|Slack|PagerDuty|Opsgenie|This|The|These|That|It|Our|We|Use|How|Set|Sets|Every|Everything|All|If|When|In|On|At|To|For|Bu|Este|Esta|Ce|Cette|Dieses|Diese|Der|Die|Das|El|La|Los|Las|Le|Les|Il|Lo|O|A|Os|As)$/;
/** Nouns for what a system is, in the languages plans are written in (a one-word name needs one after it). */
const SYSTEM_NOUN =
  /^(?:platform|system|service|site|website|application|app|portal|product|stack|plataforma|sistema|servicio|servi[çc]o|aplicaci[oó]n|aplica[çc][aã]o|plateforme|syst[èe]me|plattform|anwendung|platform\S*|sistem\S*|uygulama\S*|servis\S*|ödeme|database)$/i;

/**
 * A name in the opening sentence: a run of capitalised words (one of them not all capitals), not a vendor or
 * a tool, of two words or more, or one word followed by a word for what a system is ("Kervan ödeme platformu").
 */
export function nameFromSentence(sentence: string): string {
  const tokens = sentence
    .replace(/\*\*|__|`|\[|\]\([^)]*\)/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  for (let i = 0; i < tokens.length; i++) {
    const run: string[] = [];
    let j = i;
    for (; j < tokens.length && run.length < 5; j++) {
      const word = tokens[j]!.replace(/^[("'“]+|[)"'”.,;:!?’]+$/g, "");
      if (!/^[\p{Lu}\d][\p{L}\d&.+-]*$/u.test(word)) break;
      if (NOT_A_SYSTEM.test(word)) {
        // "Amazon S3 Glacier Flexible Retrieval": the rest of a vendor's run is the vendor's too.
        if (!run.length) while (j + 1 < tokens.length && /^[\p{Lu}\d]/u.test(tokens[j + 1]!)) j++;
        break;
      }
      run.push(word);
      if (/[.,;:!?)]$/.test(tokens[j]!)) {
        j++;
        break;
      }
    }
    // A sentence's first word is capitalised anyway ("Turn Vaultwarden backups on…").
    if (i === 0) run.shift();
    // "the Recovery Time Objectives (RTO)" is the document's subject.
    if (!run.length || run.every((w) => DOCUMENT_WORD.test(w) || !/\p{Ll}/u.test(w))) {
      i = Math.max(i, j - 1);
      continue;
    }
    const proper = run.some((w) => /\p{Ll}/u.test(w));
    const next = tokens.slice(j, j + 2).map((t) => t.replace(/[.,;:!?]+$/, ""));
    if (proper && (run.length >= 2 || next.some((w) => SYSTEM_NOUN.test(w)))) return run.join(" ");
    i = j;
  }
  return "";
}
