-- Round tables: employees put questions to leadership, by name or anonymously, and vote.

CREATE TABLE round_tables (
  id          TEXT PRIMARY KEY,
  title       TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  opens_at    INTEGER NOT NULL,
  closes_at   INTEGER NOT NULL,
  created_by  TEXT NOT NULL REFERENCES users(id),
  created_at  INTEGER NOT NULL
);
CREATE INDEX round_tables_by_close ON round_tables(closes_at DESC);

-- The leaders who answer.
CREATE TABLE round_table_leaders (
  round_table_id TEXT NOT NULL REFERENCES round_tables(id),
  user_id        TEXT NOT NULL REFERENCES users(id),
  PRIMARY KEY (round_table_id, user_id)
) WITHOUT ROWID;

CREATE TABLE rt_questions (
  id             TEXT PRIMARY KEY,
  round_table_id TEXT NOT NULL REFERENCES round_tables(id),
  -- Kept for one-vote rules and "mine"; for an anonymous question it never leaves the server.
  author_id      TEXT NOT NULL REFERENCES users(id),
  anonymous      INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
  body           TEXT NOT NULL,
  vote_count     INTEGER NOT NULL DEFAULT 0,
  answer         TEXT,
  answered_by    TEXT REFERENCES users(id),
  answered_at    INTEGER,
  hidden_at      INTEGER,
  merged_into    TEXT REFERENCES rt_questions(id),
  created_at     INTEGER NOT NULL
);
CREATE INDEX rt_questions_by_table ON rt_questions(round_table_id, vote_count DESC, created_at);

CREATE TABLE rt_votes (
  question_id TEXT NOT NULL REFERENCES rt_questions(id),
  user_id     TEXT NOT NULL REFERENCES users(id),
  created_at  INTEGER NOT NULL,
  PRIMARY KEY (question_id, user_id)
) WITHOUT ROWID;
