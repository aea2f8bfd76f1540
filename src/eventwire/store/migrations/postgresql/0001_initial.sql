-- eventwire PostgreSQL schema, version 1: the tables, columns and views of the SQLite store
-- (its migrations 0001 + 0002), so both answer every query alike. Differences, all invisible
-- through the store's methods: ids, codes and dates use COLLATE "C" so they sort and compare
-- bytewise as in SQLite; published is a DATE; full-text search uses generated tsvector columns
-- ('simple' configuration: lower-cased words, no stemming, like FTS5's unicode61) with GIN
-- indexes; articles.seq records insertion order (SQLite's rowid).

CREATE TABLE articles (
    article_id      TEXT COLLATE "C" PRIMARY KEY,
    seq             BIGINT GENERATED ALWAYS AS IDENTITY,
    title           TEXT,
    agency          TEXT,
    dateline_place  TEXT,
    dateline        TEXT,
    published       DATE,
    published_basis TEXT,
    language        TEXT,
    text            TEXT NOT NULL,
    source_path     TEXT,
    url             TEXT,
    author          TEXT,
    duplicate_of    TEXT COLLATE "C" REFERENCES articles (article_id),
    skipped_reason  TEXT,
    minhash         BYTEA,
    stored_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    search          TSVECTOR GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, coalesce(title, '')) || to_tsvector('simple'::regconfig, text)
    ) STORED
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_duplicate_of ON articles (duplicate_of);
CREATE INDEX articles_seq ON articles (seq);
CREATE INDEX articles_search ON articles USING GIN (search);

CREATE TABLE spans (
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('paragraph', 'subheading', 'sentence')),
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL
);
CREATE INDEX spans_article ON spans (article_id, kind);

CREATE TABLE removals (
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    rule       TEXT NOT NULL,
    reason     TEXT NOT NULL
);
CREATE INDEX removals_article ON removals (article_id);

CREATE TABLE mentions (
    article_id  TEXT COLLATE "C" NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    text        TEXT COLLATE "C" NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    label       TEXT COLLATE "C" NOT NULL,
    actor_code  TEXT COLLATE "C",
    actor_name  TEXT COLLATE "C",
    country     TEXT COLLATE "C",
    sector      TEXT COLLATE "C",
    person      TEXT,
    antecedent  INTEGER
);
CREATE INDEX mentions_article ON mentions (article_id);
CREATE INDEX mentions_actor ON mentions (actor_code);

CREATE TABLE quotes (
    quote_id      TEXT COLLATE "C" PRIMARY KEY,
    article_id    TEXT COLLATE "C" NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'partial')),
    text          TEXT NOT NULL,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    cue           TEXT,
    cue_start     INTEGER,
    cue_end       INTEGER,
    speaker_text  TEXT,
    speaker_name  TEXT,
    speaker_code  TEXT COLLATE "C",
    speaker_start INTEGER,
    speaker_end   INTEGER,
    search        TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, text)) STORED
);
CREATE INDEX quotes_article ON quotes (article_id);
CREATE INDEX quotes_speaker ON quotes (speaker_name);
CREATE INDEX quotes_search ON quotes USING GIN (search);

CREATE TABLE times (
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
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
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    text       TEXT COLLATE "C" NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    name       TEXT COLLATE "C",
    country    TEXT COLLATE "C",
    lat        DOUBLE PRECISION,
    lon        DOUBLE PRECISION,
    precision  TEXT COLLATE "C"
);
CREATE INDEX places_article ON places (article_id);

CREATE TABLE clusters (
    cluster_id              TEXT COLLATE "C" PRIMARY KEY,
    cluster_key             TEXT COLLATE "C" NOT NULL,
    source_country          TEXT COLLATE "C",
    target_country          TEXT COLLATE "C",
    cameo_root              TEXT COLLATE "C" NOT NULL,
    location_country        TEXT COLLATE "C",
    first_date              TEXT COLLATE "C",
    last_date               TEXT COLLATE "C",
    first_report            TEXT COLLATE "C",
    last_report             TEXT COLLATE "C",
    num_events              INTEGER NOT NULL,
    num_articles            INTEGER NOT NULL,
    num_sources             INTEGER NOT NULL,
    sources                 TEXT NOT NULL,
    representative_event_id TEXT COLLATE "C" NOT NULL
);
CREATE INDEX clusters_first_date ON clusters (first_date);
CREATE INDEX clusters_representative ON clusters (representative_event_id);

CREATE TABLE events (
    event_id           TEXT COLLATE "C" PRIMARY KEY,
    article_id         TEXT COLLATE "C" NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    source_text        TEXT,
    source_name        TEXT,
    source_code        TEXT COLLATE "C",
    target_text        TEXT,
    target_name        TEXT,
    target_code        TEXT COLLATE "C",
    cameo              TEXT COLLATE "C" NOT NULL,
    cameo_root         TEXT COLLATE "C" NOT NULL,
    goldstein          DOUBLE PRECISION NOT NULL,
    quad_class         INTEGER NOT NULL,
    plover_type        TEXT,
    plover_mode        TEXT,
    date               TEXT COLLATE "C",
    date_precision     TEXT,
    date_basis         TEXT,
    location_name      TEXT,
    location_country   TEXT COLLATE "C",
    location_lat       DOUBLE PRECISION,
    location_lon       DOUBLE PRECISION,
    location_precision TEXT,
    negated            BOOLEAN NOT NULL DEFAULT false,
    modality           TEXT NOT NULL,
    speaker_name       TEXT,
    speaker_code       TEXT,
    evidence_sentence  TEXT NOT NULL,
    evidence_start     INTEGER NOT NULL,
    evidence_end       INTEGER NOT NULL,
    rule               TEXT NOT NULL,
    confidence         DOUBLE PRECISION NOT NULL,
    cluster_key        TEXT COLLATE "C",
    cluster_id         TEXT COLLATE "C",
    evidence_search    TSVECTOR GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, evidence_sentence)
    ) STORED
);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_cameo ON events (cameo);
CREATE INDEX events_source ON events (source_code);
CREATE INDEX events_target ON events (target_code);
CREATE INDEX events_cluster_key ON events (cluster_key, date);
CREATE INDEX events_cluster ON events (cluster_id);
CREATE INDEX events_listing ON events (date, article_id, evidence_start, event_id);
CREATE INDEX events_root_date ON events (cameo_root, date);
CREATE INDEX events_evidence_search ON events USING GIN (evidence_search);

CREATE VIEW event_list AS
SELECT e.event_id, e.date, e.source_code, e.source_name, e.cameo, e.target_code, e.target_name,
       e.goldstein, e.quad_class, e.plover_type, e.modality, e.negated,
       e.location_name, e.location_country, e.speaker_name, e.evidence_sentence, e.rule,
       e.confidence, a.title AS article_title, a.agency, a.published, a.article_id,
       a.duplicate_of IS NOT NULL AS from_duplicate, e.cluster_id,
       c.num_articles AS cluster_articles, c.num_sources AS cluster_sources
FROM events e JOIN articles a USING (article_id) LEFT JOIN clusters c USING (cluster_id);

CREATE VIEW quote_list AS
SELECT q.quote_id, q.kind, q.speaker_name, q.speaker_code, q.cue, q.text, a.title AS article_title,
       a.published, a.article_id
FROM quotes q JOIN articles a USING (article_id);

CREATE VIEW actor_list AS
SELECT actor_code, MIN(actor_name) AS actor_name, MIN(country) AS country, MIN(sector) AS sector,
       COUNT(*) AS mentions, COUNT(DISTINCT article_id) AS articles
FROM mentions WHERE actor_code IS NOT NULL
GROUP BY actor_code ORDER BY mentions DESC, actor_code;

CREATE VIEW unresolved_mentions AS
SELECT text, label, COUNT(*) AS mentions, COUNT(DISTINCT article_id) AS articles
FROM mentions WHERE actor_code IS NULL
GROUP BY text, label ORDER BY mentions DESC, text, label;
