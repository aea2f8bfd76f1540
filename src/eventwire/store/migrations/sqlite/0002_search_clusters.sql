-- eventwire SQLite schema, version 2: full-text search over quotes and event evidence,
-- cross-article event clusters, and indexes for filtered, paged event listings.

-- Full-text search over quotes and evidence sentences (external content, like articles_fts).
CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    text, content = 'quotes', content_rowid = 'rowid', tokenize = 'unicode61'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
INSERT INTO quotes_fts (rowid, text) SELECT rowid, text FROM quotes;

CREATE VIRTUAL TABLE events_fts USING fts5 (
    evidence_sentence, content = 'events', content_rowid = 'rowid', tokenize = 'unicode61'
);
CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
    INSERT INTO events_fts (rowid, evidence_sentence) VALUES (new.rowid, new.evidence_sentence);
END;
CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
    INSERT INTO events_fts (events_fts, rowid, evidence_sentence)
    VALUES ('delete', old.rowid, old.evidence_sentence);
END;
INSERT INTO events_fts (rowid, evidence_sentence) SELECT rowid, evidence_sentence FROM events;

-- Cross-article clusters: one row per real-world event, however many articles reported it.
-- cluster_key is 'source country|target country|CAMEO root' (country = first three letters of
-- the actor code, '' when absent); events of one key whose days are within one day of each
-- other and whose locations are compatible form a cluster (see store/clusters.py).
-- cluster_key NULL: written by version 1, filled in by the next cluster refresh.
ALTER TABLE events ADD COLUMN cluster_key TEXT;
ALTER TABLE events ADD COLUMN cluster_id TEXT;   -- NULL: negated, or not clustered yet

CREATE TABLE clusters (
    cluster_id              TEXT PRIMARY KEY,
    cluster_key             TEXT NOT NULL,
    source_country          TEXT,
    target_country          TEXT,
    cameo_root              TEXT NOT NULL,
    location_country        TEXT,
    first_date              TEXT,              -- earliest / latest event date of the members
    last_date               TEXT,
    first_report            TEXT,              -- earliest / latest publication date of the reports
    last_report             TEXT,
    num_events              INTEGER NOT NULL,  -- coded events, syndicated copies included
    num_articles            INTEGER NOT NULL,  -- distinct reporting articles; a near-duplicate
                                               -- counts as the article it duplicates
    num_sources             INTEGER NOT NULL,  -- distinct agencies / outlets of those articles
    sources                 TEXT NOT NULL,     -- JSON list of the agencies, sorted
    representative_event_id TEXT NOT NULL
);
CREATE INDEX clusters_first_date ON clusters (first_date);
CREATE INDEX clusters_representative ON clusters (representative_event_id);

CREATE INDEX events_cluster_key ON events (cluster_key, date);
CREATE INDEX events_cluster ON events (cluster_id);
-- Listings are ordered by (date, article, position): this index serves the order and the
-- date range of a page query without sorting.
CREATE INDEX events_listing ON events (date, article_id, evidence_start, event_id);
CREATE INDEX events_root_date ON events (cameo_root, date);

-- Deterministic versions of the version-1 views: the same rows in the same order on every
-- backend (names picked with MIN, ties ordered by code).
DROP VIEW actor_list;
CREATE VIEW actor_list AS
SELECT actor_code, MIN(actor_name) AS actor_name, MIN(country) AS country, MIN(sector) AS sector,
       COUNT(*) AS mentions, COUNT(DISTINCT article_id) AS articles
FROM mentions WHERE actor_code IS NOT NULL
GROUP BY actor_code ORDER BY mentions DESC, actor_code;

DROP VIEW unresolved_mentions;
CREATE VIEW unresolved_mentions AS
SELECT text, label, COUNT(*) AS mentions, COUNT(DISTINCT article_id) AS articles
FROM mentions WHERE actor_code IS NULL
GROUP BY text, label ORDER BY mentions DESC, text, label;

DROP VIEW event_list;
CREATE VIEW event_list AS
SELECT e.event_id, e.date, e.source_code, e.source_name, e.cameo, e.target_code, e.target_name,
       e.goldstein, e.quad_class, e.plover_type, e.modality, e.negated,
       e.location_name, e.location_country, e.speaker_name, e.evidence_sentence, e.rule,
       e.confidence, a.title AS article_title, a.agency, a.published, a.article_id,
       a.duplicate_of IS NOT NULL AS from_duplicate, e.cluster_id,
       c.num_articles AS cluster_articles, c.num_sources AS cluster_sources
FROM events e JOIN articles a USING (article_id) LEFT JOIN clusters c USING (cluster_id);
