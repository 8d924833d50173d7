//! Round tables: an admin opens one with its leaders and a time window; while it is open anyone
//! asks (by name or anonymously) and votes; its leaders answer; admins hide abusive questions and
//! merge duplicates. After it closes it stays as an archive.
//!
//! Anonymity: an anonymous question's author is stored (one vote each, "mine") but never
//! selected into an answer: the SQL itself leaves the author out, for every reader, admins too.

use super::actor::Actor;
use super::idempotency::{self, Created};
use super::ids::new_id;
use super::policy::{Action, may_moderate, require};
use super::reader::Reader;
use super::{audit, forbidden, not_found, sessions, validate, votes};
use crate::runtime::Runtime;
use crate::service::Thing;
use crate::stmt;
use crate::store::{Count, Db, RowSet, answers, count};
use balai_protocol::feed::Author;
use balai_protocol::ideas::VoteState;
use balai_protocol::limits::{
    ANSWER_MAX_CHARS, GROUP_DESCRIPTION_MAX_CHARS, QUESTION_MAX_CHARS, ROUND_TABLE_LEADERS_MAX,
};
use balai_protocol::round_tables::{
    NewQuestion, NewRoundTable, Question, RoundTable, RoundTableDetail,
};
use balai_protocol::{ApiError, ErrorCode, Millis};
use serde::Deserialize;
use std::collections::HashMap;

const TITLE_MAX_CHARS: usize = 120;
const LIST_MAX: i64 = 50;

#[derive(Deserialize)]
struct TableRow {
    id: String,
    title: String,
    description: String,
    opens_at: Millis,
    closes_at: Millis,
    question_count: i64,
    answered_count: i64,
}

macro_rules! table_select {
    ($rest:literal) => {
        concat!(
            "SELECT t.id, t.title, t.description, t.opens_at, t.closes_at,
                    (SELECT COUNT(*) FROM rt_questions q WHERE q.round_table_id = t.id
                       AND q.hidden_at IS NULL AND q.merged_into IS NULL) AS question_count,
                    (SELECT COUNT(*) FROM rt_questions q WHERE q.round_table_id = t.id
                       AND q.hidden_at IS NULL AND q.merged_into IS NULL AND q.answer IS NOT NULL) AS answered_count
             FROM round_tables t ",
            $rest
        )
    };
}

/// The columns of a question, for the `reader` CTE (bind with [`Reader::bind`]). An anonymous
/// question's author columns come back NULL: they are never read out of the database.
macro_rules! question_select {
    ($rest:literal) => {
        concat!(
            "SELECT q.id, q.body, q.round_table_id,
                    CASE WHEN q.anonymous = 0 THEN q.author_id END AS author_id,
                    CASE WHEN q.anonymous = 0 THEN a.name END AS author_name,
                    CASE WHEN q.anonymous = 0 THEN a.deactivated_at END AS author_left,
                    q.author_id = (SELECT id FROM reader) AS mine, q.vote_count, q.answer, q.answered_by,
                    b.name AS answerer_name, q.answered_at, q.created_at, q.hidden_at, q.merged_into,
                    EXISTS (SELECT 1 FROM rt_votes v WHERE v.question_id = q.id
                            AND v.user_id = (SELECT id FROM reader)) AS voted
             FROM rt_questions q JOIN users a ON a.id = q.author_id
             LEFT JOIN users b ON b.id = q.answered_by ",
            $rest
        )
    };
}

#[derive(Deserialize)]
struct QuestionRow {
    id: String,
    body: String,
    round_table_id: String,
    author_id: Option<String>,
    author_name: Option<String>,
    author_left: Option<Millis>,
    mine: i64,
    vote_count: i64,
    answer: Option<String>,
    answered_by: Option<String>,
    answerer_name: Option<String>,
    answered_at: Option<Millis>,
    created_at: Millis,
    hidden_at: Option<Millis>,
    merged_into: Option<String>,
    voted: i64,
}

impl QuestionRow {
    fn into_question(self) -> Question {
        Question {
            author: self
                .author_id
                .zip(self.author_name)
                .map(|(id, name)| Author {
                    id,
                    name,
                    former: self.author_left.is_some(),
                }),
            answered_by: self
                .answered_by
                .zip(self.answerer_name)
                .map(|(id, name)| Author {
                    id,
                    name,
                    former: false,
                }),
            mine: self.mine != 0,
            voted_by_me: self.voted != 0,
            id: self.id,
            body: self.body,
            vote_count: self.vote_count,
            answer: self.answer,
            answered_at: self.answered_at,
            created_at: self.created_at,
        }
    }
}

/// The leaders of the round tables `$tables` selects (SQL naming their ids), by name; read with
/// [`leaders_from`].
macro_rules! leaders_of {
    ($tables:literal) => {
        concat!(
            "SELECT l.round_table_id, u.id, u.name, u.deactivated_at AS left_at
             FROM round_table_leaders l JOIN users u ON u.id = l.user_id
             WHERE l.round_table_id IN (",
            $tables,
            ") ORDER BY u.name"
        )
    };
}

/// Each round table's leaders, from what a [`leaders_of!`] statement answered.
fn leaders_from(answer: &impl RowSet) -> Result<HashMap<String, Vec<Author>>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        round_table_id: String,
        id: String,
        name: String,
        left_at: Option<Millis>,
    }
    let mut by_table: HashMap<String, Vec<Author>> = HashMap::new();
    for r in answer.decode::<Row>()? {
        by_table.entry(r.round_table_id).or_default().push(Author {
            id: r.id,
            name: r.name,
            former: r.left_at.is_some(),
        });
    }
    Ok(by_table)
}

fn into_table(row: TableRow, leaders: &mut HashMap<String, Vec<Author>>) -> RoundTable {
    RoundTable {
        leaders: leaders.remove(&row.id).unwrap_or_default(),
        id: row.id,
        title: row.title,
        description: row.description,
        opens_at: row.opens_at,
        closes_at: row.closes_at,
        question_count: row.question_count,
        answered_count: row.answered_count,
    }
}

/// Opens a round table. Admins only; audited; a retry with the same key opens it once.
pub async fn create<R: Runtime>(
    rt: &R,
    actor: &Actor,
    input: &NewRoundTable,
    key: Option<&str>,
) -> Result<Created<RoundTable>, ApiError> {
    require(actor, Action::RunRoundTables)?;
    let title = validate::text("title", &input.title, TITLE_MAX_CHARS)?;
    let description = input.description.trim().to_string();
    if description.chars().count() > GROUP_DESCRIPTION_MAX_CHARS {
        return Err(ApiError::field(
            ErrorCode::Validation,
            "description",
            format!("At most {GROUP_DESCRIPTION_MAX_CHARS} characters."),
            format!("Paling banyak {GROUP_DESCRIPTION_MAX_CHARS} karakter."),
        ));
    }
    if input.closes_at <= input.opens_at || input.closes_at <= rt.now() {
        return Err(ApiError::field(
            ErrorCode::Validation,
            "closes_at",
            "A round table closes after it opens, and in the future.",
            "Meja bundar ditutup setelah dibuka, dan di masa depan.",
        ));
    }
    if input.leaders.is_empty() || input.leaders.len() > ROUND_TABLE_LEADERS_MAX {
        return Err(ApiError::field(
            ErrorCode::Validation,
            "leaders",
            format!("Name 1 to {ROUND_TABLE_LEADERS_MAX} leaders who answer."),
            format!("Sebutkan 1 sampai {ROUND_TABLE_LEADERS_MAX} pemimpin yang menjawab."),
        ));
    }
    let mut leaders = Vec::new();
    for login in &input.leaders {
        let login = login.trim().to_lowercase();
        #[derive(Deserialize)]
        struct Row {
            id: String,
            name: String,
        }
        let found: Option<Row> = rt
            .db()
            .first(stmt!(
                "SELECT id, name FROM users WHERE email = ? AND deactivated_at IS NULL",
                login.as_str()
            ))
            .await?;
        let found = found.ok_or_else(|| {
            ApiError::field(
                ErrorCode::Validation,
                "leaders",
                format!("No colleague logs in as \"{login}\"."),
                format!("Tidak ada rekan yang masuk sebagai \"{login}\"."),
            )
        })?;
        if !leaders.iter().any(|l: &Author| l.id == found.id) {
            leaders.push(Author {
                id: found.id,
                name: found.name,
                former: false,
            });
        }
    }
    let table = RoundTable {
        id: new_id(rt),
        title,
        description,
        opens_at: input.opens_at,
        closes_at: input.closes_at,
        leaders,
        question_count: 0,
        answered_count: 0,
    };
    let mut stmts = vec![stmt!(
        "INSERT INTO round_tables (id, title, description, opens_at, closes_at, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
        table.id.as_str(),
        table.title.as_str(),
        table.description.as_str(),
        table.opens_at,
        table.closes_at,
        actor.id.as_str(),
        rt.now()
    )];
    stmts.extend(table.leaders.iter().map(|l| {
        stmt!(
            "INSERT INTO round_table_leaders (round_table_id, user_id) VALUES (?, ?)",
            table.id.as_str(),
            l.id.as_str()
        )
    }));
    stmts.push(audit::entry(
        rt,
        actor,
        "round_table.create",
        Some(&table.id),
        None,
    ));
    Ok(
        match idempotency::commit(rt, &actor.id, key, stmts, 201, &table).await? {
            None => Created::New(table),
            Some(first) => Created::Replay(first),
        },
    )
}

/// Round tables, the latest closing first (open ones, then the archive), with their leaders, for
/// the person behind a session token: the session lookup, the tables and all their leaders in
/// one D1 round trip.
pub async fn list_by_session<R: Runtime>(rt: &R, token: &str) -> Result<Vec<RoundTable>, ApiError> {
    let (actor, sets) = sessions::authenticate_with(rt, token, |_| {
        vec![
            stmt!(table_select!("ORDER BY t.closes_at DESC LIMIT ?"), LIST_MAX),
            stmt!(
                leaders_of!("SELECT id FROM round_tables ORDER BY closes_at DESC LIMIT ?"),
                LIST_MAX
            ),
        ]
    })
    .await?;
    require(&actor, Action::ReadFeed)?;
    let [tables, leaders] = answers(sets)?;
    let mut leaders = leaders_from(&leaders)?;
    Ok(tables
        .decode::<TableRow>()?
        .into_iter()
        .map(|row| into_table(row, &mut leaders))
        .collect())
}

async fn is_leader<R: Runtime>(rt: &R, table_id: &str, user_id: &str) -> Result<bool, ApiError> {
    Ok(count(
        rt.db(),
        stmt!(
            "SELECT COUNT(*) AS n FROM round_table_leaders WHERE round_table_id = ? AND user_id = ?",
            table_id,
            user_id
        ),
    )
    .await?
        > 0)
}

/// A round table and its questions, most voted first, for the person behind a session token.
/// What a live page polls, so the session lookup, the table, its leaders, its questions and
/// whether the reader is a leader are one D1 round trip.
pub async fn detail_by_session<R: Runtime>(
    rt: &R,
    token: &str,
    id: &str,
) -> Result<RoundTableDetail, ApiError> {
    sessions::checked(rt, token, validate::id(id, Thing::RoundTable)).await?;
    let (actor, sets) = sessions::authenticate_with(rt, token, |hash| {
        let reader = Reader::Session(hash);
        vec![
            stmt!(table_select!("WHERE t.id = ?"), id),
            stmt!(leaders_of!("?"), id),
            reader.bind(stmt!(
                question_select!(
                    "WHERE q.round_table_id = ? AND q.hidden_at IS NULL AND q.merged_into IS NULL
                     ORDER BY q.vote_count DESC, q.created_at, q.id"
                ),
                id
            )),
            reader.bind(stmt!(
                "SELECT COUNT(*) AS n FROM reader r JOIN round_table_leaders l
                   ON l.round_table_id = ? AND l.user_id = r.id",
                id
            )),
        ]
    })
    .await?;
    require(&actor, Action::ReadFeed)?;
    let [table, leaders, questions, leads] = answers(sets)?;
    let row: TableRow = table.first()?.ok_or_else(|| not_found(Thing::RoundTable))?;
    let now = rt.now();
    let open = row.opens_at <= now && now < row.closes_at;
    Ok(RoundTableDetail {
        can_answer: leads.first::<Count>()?.is_some_and(|c| c.n > 0),
        can_moderate: may_moderate(&actor),
        open,
        round_table: into_table(row, &mut leaders_from(&leaders)?),
        questions: questions
            .decode::<QuestionRow>()?
            .into_iter()
            .map(QuestionRow::into_question)
            .collect(),
    })
}

async fn open_table<R: Runtime>(rt: &R, id: &str) -> Result<(), ApiError> {
    #[derive(Deserialize)]
    struct Window {
        opens_at: Millis,
        closes_at: Millis,
    }
    let w: Window = rt
        .db()
        .first(stmt!(
            "SELECT opens_at, closes_at FROM round_tables WHERE id = ?",
            id
        ))
        .await?
        .ok_or_else(|| not_found(Thing::RoundTable))?;
    let now = rt.now();
    if now < w.opens_at || now >= w.closes_at {
        return Err(ApiError::new(
            ErrorCode::Conflict,
            "This round table is not open for questions now.",
            "Meja bundar ini sedang tidak menerima pertanyaan.",
        ));
    }
    Ok(())
}

/// Asks a question while the round table is open; a retry with the same key asks once.
pub async fn ask<R: Runtime>(
    rt: &R,
    actor: &Actor,
    table_id: &str,
    input: &NewQuestion,
    key: Option<&str>,
) -> Result<Created<Question>, ApiError> {
    require(actor, Action::Comment)?;
    validate::id(table_id, Thing::RoundTable)?;
    open_table(rt, table_id).await?;
    let body = validate::text("body", &input.body, QUESTION_MAX_CHARS)?;
    let question = Question {
        id: new_id(rt),
        body,
        author: (!input.anonymous).then(|| Author {
            id: actor.id.clone(),
            name: actor.name.clone(),
            former: false,
        }),
        mine: true,
        vote_count: 0,
        voted_by_me: false,
        answer: None,
        answered_by: None,
        answered_at: None,
        created_at: rt.now(),
    };
    let stmts = vec![stmt!(
        "INSERT INTO rt_questions (id, round_table_id, author_id, anonymous, body, created_at)
         VALUES (?, ?, ?, ?, ?, ?)",
        question.id.as_str(),
        table_id,
        actor.id.as_str(),
        i64::from(input.anonymous),
        question.body.as_str(),
        question.created_at
    )];
    Ok(
        match idempotency::commit(rt, &actor.id, key, stmts, 201, &question).await? {
            None => Created::New(question),
            Some(first) => Created::Replay(first),
        },
    )
}

async fn load<R: Runtime>(rt: &R, actor: &Actor, id: &str) -> Result<QuestionRow, ApiError> {
    validate::id(id, Thing::Question)?;
    rt.db()
        .first(Reader::Actor(actor).bind(stmt!(question_select!("WHERE q.id = ?"), id)))
        .await?
        .filter(|q: &QuestionRow| q.hidden_at.is_none())
        .ok_or_else(|| not_found(Thing::Question))
}

/// Votes a question up (`on`) or takes the vote back, while the round table is open. Once per
/// person, however often it is sent.
pub async fn vote<R: Runtime>(
    rt: &R,
    actor: &Actor,
    id: &str,
    on: bool,
) -> Result<VoteState, ApiError> {
    require(actor, Action::Like)?;
    let q = load(rt, actor, id).await?;
    if q.merged_into.is_some() {
        return Err(ApiError::new(
            ErrorCode::Conflict,
            "This question was merged into another: vote for that one.",
            "Pertanyaan ini sudah digabung ke pertanyaan lain: dukung yang itu.",
        ));
    }
    open_table(rt, &q.round_table_id).await?;
    rt.db()
        .batch(votes::QUESTIONS.cast(id, &actor.id, on, rt.now()))
        .await?;
    let q = load(rt, actor, id).await?;
    Ok(VoteState {
        voted: q.voted != 0,
        vote_count: q.vote_count,
    })
}

/// One of the round table's leaders answers (again, to correct it). Open or closed: a late
/// answer still belongs in the archive.
pub async fn answer<R: Runtime>(
    rt: &R,
    actor: &Actor,
    id: &str,
    text: &str,
) -> Result<Question, ApiError> {
    let q = load(rt, actor, id).await?;
    if !is_leader(rt, &q.round_table_id, &actor.id).await? {
        return Err(forbidden());
    }
    let text = validate::text("answer", text, ANSWER_MAX_CHARS)?;
    rt.db()
        .run(stmt!(
            "UPDATE rt_questions SET answer = ?, answered_by = ?, answered_at = ? WHERE id = ?",
            text.as_str(),
            actor.id.as_str(),
            rt.now(),
            id
        ))
        .await?;
    Ok(load(rt, actor, id).await?.into_question())
}

/// Hides an abusive question from everyone. Moderators; audited; hiding twice is fine.
pub async fn hide<R: Runtime>(rt: &R, actor: &Actor, id: &str) -> Result<(), ApiError> {
    if !may_moderate(actor) {
        return Err(forbidden());
    }
    validate::id(id, Thing::Question)?;
    rt.db()
        .batch(vec![
            stmt!(
                "UPDATE rt_questions SET hidden_at = coalesce(hidden_at, ?) WHERE id = ?",
                rt.now(),
                id
            ),
            audit::entry(rt, actor, "question.hide", Some(id), None),
        ])
        .await?;
    Ok(())
}

/// Merges duplicate question `id` into `into` (same round table): votes combined, each person
/// once. Moderators; audited.
pub async fn merge<R: Runtime>(
    rt: &R,
    actor: &Actor,
    id: &str,
    into: &str,
) -> Result<Question, ApiError> {
    if !may_moderate(actor) {
        return Err(forbidden());
    }
    let duplicate = load(rt, actor, id).await?;
    let original = load(rt, actor, into).await?;
    if duplicate.merged_into.as_deref() == Some(into) {
        return Ok(original.into_question());
    }
    if id == into
        || duplicate.round_table_id != original.round_table_id
        || duplicate.merged_into.is_some()
        || original.merged_into.is_some()
    {
        return Err(ApiError::field(
            ErrorCode::Conflict,
            "into",
            "Merge a question into another open question of the same round table.",
            "Gabungkan pertanyaan ke pertanyaan terbuka lain di meja bundar yang sama.",
        ));
    }
    let mut stmts = votes::QUESTIONS.carry_over(id, into);
    stmts.extend([
        stmt!(
            "UPDATE rt_questions SET merged_into = ? WHERE id = ?",
            into,
            id
        ),
        audit::entry(rt, actor, "question.merge", Some(id), Some(into)),
    ]);
    rt.db().batch(stmts).await?;
    Ok(load(rt, actor, into).await?.into_question())
}
