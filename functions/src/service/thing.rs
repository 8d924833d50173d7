//! What an answer is about, named in both languages: "Post not found." / "Postingan tidak
//! ditemukan."

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Thing {
    Absence,
    Bookmark,
    Branch,
    Comment,
    Department,
    Deputy,
    Follow,
    Group,
    Head,
    Idea,
    Invitation,
    Manager,
    Member,
    Person,
    Photo,
    Place,
    Post,
    Question,
    Request,
    RoundTable,
    SavedFilter,
    Session,
    Suggestion,
    Token,
}

impl Thing {
    /// The name in English and in Bahasa Indonesia, capitalized to start a sentence.
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            Thing::Absence => ("Absence", "Ketidakhadiran"),
            Thing::Bookmark => ("Bookmark", "Penanda"),
            Thing::Branch => ("Branch", "Cabang"),
            Thing::Comment => ("Comment", "Komentar"),
            Thing::Department => ("Department", "Departemen"),
            Thing::Deputy => ("Deputy", "Wakil"),
            Thing::Follow => ("Follow", "Langganan"),
            Thing::Group => ("Group", "Grup"),
            Thing::Head => ("Head", "Kepala"),
            Thing::Idea => ("Idea", "Ide"),
            Thing::Invitation => ("Invitation", "Undangan"),
            Thing::Manager => ("Manager", "Atasan"),
            Thing::Member => ("Member", "Anggota"),
            Thing::Person => ("Person", "Orang"),
            Thing::Photo => ("Photo", "Foto"),
            Thing::Place => ("Place", "Tempat"),
            Thing::Post => ("Post", "Postingan"),
            Thing::Question => ("Question", "Pertanyaan"),
            Thing::Request => ("Request", "Permintaan"),
            Thing::RoundTable => ("Round table", "Meja bundar"),
            Thing::SavedFilter => ("Saved filter", "Filter tersimpan"),
            Thing::Session => ("Session", "Sesi"),
            Thing::Suggestion => ("Suggestion", "Usulan"),
            Thing::Token => ("Token", "Token"),
        }
    }
}
