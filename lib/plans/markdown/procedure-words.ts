// The words plans use for procedures and their parts, as data: one entry per language, so the next language is one
// more line. Matched against headings (without numbering and emoji) by lib/plans/markdown/procedures.ts.

/** Headings that name a procedure (a section of steps): recovery, restore, failover, rollback, runbooks, steps. */
export const PROCEDURE_WORDS: Record<string, string[]> = {
  en: [
    "procedure",
    "procedures",
    "runbook",
    "playbook",
    "steps",
    "checklist",
    "how to",
    "recovery",
    "recover",
    "recovering",
    "restore",
    "restoring",
    "restoration",
    "failover",
    "fail over",
    "failback",
    "fail back",
    "rollback",
    "roll back",
    "rebuild",
    "rehearsal",
    "returning",
    "evacuation",
  ],
  es: ["procedimiento", "procedimientos", "recuperación", "recuperar", "restauración", "restaurar", "pasos"],
  pt: ["procedimento", "procedimentos", "recuperação", "recuperar", "restauração", "restaurar", "passos"],
  fr: ["procédure", "procédures", "restauration", "restaurer", "reprise", "récupération", "étapes", "retour"],
  de: ["verfahren", "wiederherstellung", "wiederherstellen", "schritte", "notfallplan", "vorgehen", "ablauf"],
  it: ["procedura", "procedure", "ripristino", "ripristinare", "recupero", "passi", "runbook"],
  tr: ["prosedür", "prosedürü", "kurtarma", "geri yükleme", "adımlar", "adımları", "geri dönüş", "kontroller"],
  ko: ["절차", "복구", "복원", "리허설", "단계"],
  ja: ["手順", "復旧", "復元", "リストア", "フェイルオーバー"],
  zh: ["步骤", "恢复", "还原", "流程", "切换"],
};

/** Headings that are a part of the procedure above them, not a procedure of their own (when not numbered). */
export const PART_WORDS: Record<string, string[]> = {
  en: [
    "symptoms",
    "signs",
    "detection",
    "diagnosis",
    "trigger",
    "triggers",
    "immediate actions",
    "immediate action",
    "actions",
    "steps",
    "recovery steps",
    "procedure",
    "verification",
    "validation",
    "verify",
    "post-recovery",
    "post recovery",
    "prevention",
    "commands",
  ],
  es: ["síntomas", "detección", "acciones inmediatas", "pasos", "verificación", "validación", "comandos"],
  pt: ["sintomas", "detecção", "ações imediatas", "passos", "verificação", "validação", "comandos"],
  fr: ["symptômes", "détection", "actions immédiates", "étapes", "vérification", "validation", "commandes"],
  de: ["symptome", "erkennung", "sofortmaßnahmen", "schritte", "überprüfung", "verifizierung", "prüfung", "befehle"],
  it: ["sintomi", "rilevamento", "azioni immediate", "passi", "verifica", "validazione", "comandi"],
  tr: ["belirtiler", "tespit", "ilk müdahale", "adımlar", "doğrulama", "kontrol", "komutlar"],
  ko: ["증상", "탐지", "즉시 조치", "단계", "검증", "확인", "명령"],
  ja: ["症状", "検知", "初動", "手順", "確認", "検証", "コマンド"],
  zh: ["症状", "检测", "立即行动", "步骤", "验证", "确认", "命令"],
};

/** "Step 2", "Phase 1", "Option A", "Schritt 3", "Paso 2", "Adım 1", "2단계", "ステップ1", "步骤 1": one step of the procedure above. */
export const STEP_WORDS: Record<string, string[]> = {
  en: ["step", "phase", "stage", "option"],
  es: ["paso", "fase", "etapa", "opción"],
  pt: ["passo", "fase", "etapa", "opção"],
  fr: ["étape", "phase", "option"],
  de: ["schritt", "phase", "stufe", "option"],
  it: ["passo", "fase", "opzione"],
  tr: ["adım", "aşama", "seçenek"],
  ko: ["단계"],
  ja: ["ステップ", "フェーズ"],
  zh: ["步骤", "阶段", "选项"],
};

/** "Scenario 2: …": a failure scenario owns every subsection under it (its variants, its steps). */
export const SCENARIO_WORDS: Record<string, string[]> = {
  en: ["scenario", "incident", "failure scenario"],
  es: ["escenario"],
  pt: ["cenário"],
  fr: ["scénario"],
  de: ["szenario"],
  it: ["scenario"],
  tr: ["senaryo"],
  ko: ["시나리오"],
  ja: ["シナリオ"],
  zh: ["场景", "場景", "情景"],
};

/** Headings about people or figures, never a procedure even when they say "recovery" ("Recovery Team"). */
export const NOT_PROCEDURE_WORDS: Record<string, string[]> = {
  en: ["team", "contacts", "roles", "objectives", "rto", "rpo", "responsibilities", "history", "appendix"],
  es: ["equipo", "contactos", "roles", "objetivos"],
  pt: ["equipe", "contatos", "papéis", "objetivos"],
  fr: ["équipe", "contacts", "rôles", "objectifs"],
  de: ["team", "kontakte", "rollen", "ziele"],
  it: ["squadra", "contatti", "ruoli", "obiettivi"],
  tr: ["ekip", "iletişim", "roller", "hedefler"],
  ko: ["팀", "연락처", "역할", "목표"],
  ja: ["チーム", "連絡先", "役割", "目標"],
  zh: ["团队", "联系人", "角色", "目标"],
};

/** Words that make a document (its title or first sentence) about backups and recovery, besides PROCEDURE_WORDS. */
export const TOPIC_WORDS: Record<string, string[]> = {
  en: ["backup", "backups", "back up", "disaster", "continuity", "dr", "bcdr", "bcp", "snapshot", "snapshots"],
  es: ["respaldo", "respaldos", "copia de seguridad", "copias de seguridad", "desastre", "continuidad"],
  pt: ["cópia de segurança", "desastre", "continuidade"],
  fr: ["sauvegarde", "sauvegardes", "sinistre", "continuité", "pca", "pra"],
  de: ["sicherung", "sicherungen", "datensicherung", "notfall", "katastrophe", "kontinuität"],
  it: ["disastro", "continuità"],
  tr: ["yedek", "yedekleme", "felaket", "süreklilik"],
  ko: ["백업", "재해", "연속성"],
  ja: ["バックアップ", "災害", "継続"],
  zh: ["备份", "灾难", "容灾", "灾备", "连续性"],
};

/** Reference parts of a plan: commands listed there are a cheat sheet, not a procedure. */
export const REFERENCE_WORDS: Record<string, string[]> = {
  en: ["appendix", "appendices", "annex", "useful commands", "reference", "cheat sheet", "glossary"],
  es: ["apéndice", "anexo", "comandos útiles", "referencia", "glosario"],
  pt: ["apêndice", "anexo", "comandos úteis", "referência", "glossário"],
  fr: ["annexe", "annexes", "commandes utiles", "référence", "glossaire"],
  de: ["anhang", "nützliche befehle", "referenz", "glossar"],
  it: ["appendice", "allegato", "comandi utili", "riferimento", "glossario"],
  tr: ["ek", "ekler", "faydalı komutlar", "başvuru", "sözlük"],
  ko: ["부록", "유용한 명령", "참고", "용어집"],
  ja: ["付録", "便利なコマンド", "参考", "用語集"],
  zh: ["附录", "常用命令", "参考", "术语"],
};

/** Tools whose name starts a command line (inline code is a command when it starts with one, or with a path). */
// prettier-ignore
export const COMMAND_TOOLS = [
  // containers and clusters
  "kubectl", "docker", "docker-compose", "podman", "helm", "oc", "eksctl", "velero", "k9s", "kustomize", "nomad",
  // databases
  "psql", "pg_dump", "pg_dumpall", "pg_restore", "pg_basebackup", "pg_ctl", "pg_ctlcluster", "pg_isready",
  "pgbackrest", "barman", "wal-g", "createdb", "dropdb", "mysql", "mysqldump", "mysqlbinlog", "mysqladmin",
  "mariadb", "mariadb-dump", "xtrabackup", "mariabackup", "mongodump", "mongorestore", "mongosh", "mongo",
  "redis-cli", "sqlite3", "etcdctl", "cqlsh", "influx",
  // clouds and hosting
  "aws", "gcloud", "gsutil", "az", "azcopy", "doctl", "hcloud", "flyctl", "fly", "heroku", "vercel", "supabase",
  "turso", "wrangler", "railway", "b2", "ossutil", "s3cmd", "mc", "rclone", "terraform", "tofu", "pulumi",
  "ansible", "ansible-playbook", "vault", "consul", "gh", "glab",
  // backup tools
  "restic", "borg", "borgmatic", "kopia", "duplicity", "rdiff-backup", "rear", "rsync", "scp", "sftp", "ssh",
  "ssh-keygen", "age", "gpg", "openssl",
  // system
  "sudo", "systemctl", "journalctl", "service", "crontab", "tar", "gzip", "gunzip", "zstd", "unzip", "zip", "cp",
  "mv", "rm", "mkdir", "ls", "cat", "cd", "chmod", "chown", "find", "grep", "tail", "head", "df", "du", "free",
  "mount", "umount", "lsblk", "dig", "nslookup", "curl", "wget", "sha256sum", "md5sum", "usermod", "useradd",
  "kill", "sleep", "source", "export", "apt", "apt-get", "yum", "dnf", "brew", "snap", "bash", "sh", "zsh",
  "make", "git", "npm", "npx", "pnpm", "yarn", "node", "python", "python3", "pip", "php", "composer", "rails",
  "rake", "bundle", "prisma", "set", "robocopy", "xcopy", "pwsh", "powershell", "wsl",
];
