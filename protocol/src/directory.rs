//! Finding people: the directory, "who knows X", the org structure, and the week's birthdays
//! and work anniversaries.

use crate::Millis;
use crate::feed::Author;
use crate::people::Department;
use serde::{Deserialize, Serialize};

/// A colleague as lists show them: enough to recognise, call or write to them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonCard {
    pub id: String,
    pub name: String,
    pub position: String,
    pub department: Option<String>,
    pub branch: Option<String>,
    pub email: String,
    pub phone: String,
    pub competencies: Vec<String>,
    pub photo_url: Option<String>,
    /// Away now: until when (the first moment back).
    pub away_until: Option<Millis>,
}

/// Someone who knows about the asked topic, and why they rank where they do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Expert {
    pub person: PersonCard,
    /// Their competencies that match the topic.
    pub matched: Vec<String>,
    /// How many of their posts mention it.
    pub posts: i64,
}

/// A department in the tree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DepartmentNode {
    pub id: String,
    pub name: String,
    pub parent_id: Option<String>,
    pub head: Option<Author>,
    pub people: i64,
}

/// A department's page: where it sits, its head, sub-departments and people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DepartmentPage {
    pub department: DepartmentNode,
    /// From the top of the tree down to its parent.
    pub parents: Vec<Department>,
    pub children: Vec<DepartmentNode>,
    pub people: Vec<PersonCard>,
}

/// A person's place in the reporting lines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrgChart {
    /// Their managers, from the top down to their own manager.
    pub chain: Vec<PersonCard>,
    pub person: PersonCard,
    /// Who reports to them directly.
    pub reports: Vec<PersonCard>,
}

/// Birthdays (public ones) and work anniversaries, today and in the next six days (WIB).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Celebrations {
    pub birthdays: Vec<Celebration>,
    pub anniversaries: Vec<Celebration>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Celebration {
    pub person: Author,
    /// Their @handle, to mention them in a congratulation.
    pub handle: String,
    /// 'MM-DD'.
    pub date: String,
    pub today: bool,
    /// For anniversaries: how many years.
    pub years: Option<i64>,
}

/// Admins and HR add a department, or change one (fields left out stay; `""` clears).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct DepartmentEdit {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub parent_id: Option<String>,
    #[serde(default)]
    pub head_id: Option<String>,
}
