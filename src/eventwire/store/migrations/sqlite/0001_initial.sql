-- eventwire SQLite schema, version 1.
-- Plain tables plus readable views (event_list, quote_list, actor_list …) so the file opens
-- as-is in Datasette, DuckDB or pandas. Offsets (start, end) index articles.text.

CREATE TABLE articles (
    article_id      TEXT PRIMARY KEY,          -- content hash of the raw input
    title           TEXT,
    agency          TEXT,                      -- news agency from the dateline or metadata
    dateline_place  TEXT,
    dateline        TEXT,                      -- the dateline as cut from the body
    published       TEXT,                      -- ISO date
    published_basis TEXT,                      -- how published was found (metadata, dateline+weekday …)
    language        TEXT,                      -- ISO 639-1
    text            TEXT NOT NULL,             -- cleaned body; every offset indexes it
    source_path     TEXT,
    url             TEXT,
    author          TEXT,
    duplicate_of    TEXT REFERENCES articles (article_id),
    skipped_reason  TEXT,                      -- why no NLP ran (not English, too long)
    minhash         BLOB,                      -- near-duplicate signature
    stored_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_duplicate_of ON articles (duplicate_of);

-- Structure of the cleaned text: paragraphs, subheadings and sentences by offsets.
CREATE TABLE spans (
    article_id TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('paragraph', 'subheading', 'sentence')),
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL
);
CREATE INDEX spans_article ON spans (article_id, kind);

-- What cleaning removed from the raw input, and why (audit trail).
CREATE TABLE removals (
    article_id TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    rule       TEXT NOT NULL,
    reason     TEXT NOT NULL
);
CREATE INDEX removals_article ON removals (article_id);

-- Every actor-like mention and what it resolved to (actor_code NULL = unresolved).
CREATE TABLE mentions (
    article_id  TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    label       TEXT NOT NULL,
    actor_code  TEXT,
    actor_name  TEXT,
    country     TEXT,
    sector      TEXT,
    person      TEXT,
    antecedent  INTEGER                        -- position of the mention this one refers back to
);
CREATE INDEX mentions_article ON mentions (article_id);
CREATE INDEX mentions_actor ON mentions (actor_code);

CREATE TABLE quotes (
    quote_id      TEXT PRIMARY KEY,
    article_id    TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'partial')),
    text          TEXT NOT NULL,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    cue           TEXT,
    cue_start     INTEGER,
    cue_end       INTEGER,
    speaker_text  TEXT,
    speaker_name  TEXT,
    speaker_code  TEXT,
    speaker_start INTEGER,
    speaker_end   INTEGER
);
CREATE INDEX quotes_article ON quotes (article_id);
CREATE INDEX quotes_speaker ON quotes (speaker_name);

CREATE TABLE times (
    article_id TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    type       TEXT NOT NULL,
    value      TEXT,
    anchor     TEXT
);
CREATE INDEX times_article ON times (article_id);

CREATE TABLE places (
    article_id TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    name       TEXT,
    country    TEXT,
    lat        REAL,
    lon        REAL,
    precision  TEXT                            -- city, adm1, country, region; NULL = unresolved
);
CREATE INDEX places_article ON places (article_id);

CREATE TABLE events (
    event_id           TEXT PRIMARY KEY,
    article_id         TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    source_text        TEXT,
    source_name        TEXT,
    source_code        TEXT,
    target_text        TEXT,
    target_name        TEXT,
    target_code        TEXT,
    cameo              TEXT NOT NULL,
    cameo_root         TEXT NOT NULL,
    goldstein          REAL NOT NULL,
    quad_class         INTEGER NOT NULL,
    plover_type        TEXT,
    plover_mode        TEXT,
    date               TEXT,
    date_precision     TEXT,
    date_basis         TEXT,
    location_name      TEXT,
    location_country   TEXT,
    location_lat       REAL,
    location_lon       REAL,
    location_precision TEXT,
    negated            INTEGER NOT NULL DEFAULT 0,
    modality           TEXT NOT NULL,
    speaker_name       TEXT,
    speaker_code       TEXT,
    evidence_sentence  TEXT NOT NULL,
    evidence_start     INTEGER NOT NULL,
    evidence_end       INTEGER NOT NULL,
    rule               TEXT NOT NULL,
    confidence         REAL NOT NULL
);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_cameo ON events (cameo);
CREATE INDEX events_source ON events (source_code);
CREATE INDEX events_target ON events (target_code);

-- Full-text search over article titles and bodies (external content: no second copy of text).
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text, content = 'articles', content_rowid = 'rowid', tokenize = 'unicode61'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
END;

-- Readable views for people querying the file with their own tools.
CREATE VIEW event_list AS
SELECT e.event_id, e.date, e.source_code, e.source_name, e.cameo, e.target_code, e.target_name,
       e.goldstein, e.quad_class, e.plover_type, e.modality, e.negated,
       e.location_name, e.location_country, e.speaker_name, e.evidence_sentence, e.rule,
       e.confidence, a.title AS article_title, a.agency, a.published, a.article_id,
       a.duplicate_of IS NOT NULL AS from_duplicate
FROM events e JOIN articles a USING (article_id);

CREATE VIEW quote_list AS
SELECT q.quote_id, q.kind, q.speaker_name, q.speaker_code, q.cue, q.text, a.title AS article_title,
       a.published, a.article_id
FROM quotes q JOIN articles a USING (article_id);

CREATE VIEW actor_list AS
SELECT actor_code, actor_name, country, sector, COUNT(*) AS mentions,
       COUNT(DISTINCT article_id) AS articles
FROM mentions WHERE actor_code IS NOT NULL
GROUP BY actor_code ORDER BY mentions DESC;

CREATE VIEW unresolved_mentions AS
SELECT text, label, COUNT(*) AS mentions, COUNT(DISTINCT article_id) AS articles
FROM mentions WHERE actor_code IS NULL
GROUP BY text, label ORDER BY mentions DESC;
