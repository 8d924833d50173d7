//! Every user-visible string, in English and Bahasa Indonesia. A missing translation is a
//! compile error: each message is one match arm with both languages.

use leptos::prelude::*;
use std::cell::Cell;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Lang {
    En,
    Id,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Id => "id",
        }
    }

    fn from_code(code: &str) -> Option<Lang> {
        match code.get(..2)? {
            "en" => Some(Lang::En),
            "id" | "in" | "ms" => Some(Lang::Id),
            _ => None,
        }
    }

    /// The saved choice, else the browser's language, else English.
    pub fn initial() -> Lang {
        crate::storage::get(LANG_KEY)
            .and_then(|c| Lang::from_code(&c))
            .or_else(|| {
                let nav = web_sys::window()?.navigator();
                nav.language()
                    .and_then(|l| Lang::from_code(&l.to_lowercase()))
            })
            .unwrap_or(Lang::En)
    }
}

const LANG_KEY: &str = "balai.lang";

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
    // Event handlers run outside any reactive owner, so the signal is kept here, not in context.
    static SIGNAL: std::cell::OnceCell<RwSignal<Lang>> = const { std::cell::OnceCell::new() };
}

/// Starts with the saved or browser language; returns the signal `App` re-renders on, so text
/// can be plain `&'static str` instead of one reactive closure per string (much smaller WASM).
pub fn init() -> RwSignal<Lang> {
    let lang = Lang::initial();
    let signal = SIGNAL.with(|s| *s.get_or_init(|| RwSignal::new(lang)));
    set(lang);
    signal
}

pub fn current() -> Lang {
    CURRENT.with(Cell::get)
}

/// The text of `m` in the current language.
pub fn t(m: Msg) -> &'static str {
    text(current(), m)
}

/// Switches language: remembered in this browser, set on `<html lang>`, and re-rendered.
pub fn set(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
    crate::storage::set(LANG_KEY, lang.code());
    if let Some(doc) = web_sys::window().and_then(|w| w.document())
        && let Some(html) = doc.document_element()
    {
        let _ = html.set_attribute("lang", lang.code());
    }
    if let Some(signal) = SIGNAL.with(|s| s.get().copied()) {
        signal.set(lang);
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Msg {
    AppTagline,
    Email,
    EmailOrLogin,
    Password,
    LogIn,
    LoggingIn,
    LogOut,
    Feed,
    People,
    Settings,
    Composer,
    Post,
    Posting,
    LoadMore,
    Loading,
    NothingYet,
    Like,
    Unlike,
    Comments,
    WriteComment,
    Send,
    Edit,
    Save,
    Cancel,
    Delete,
    ConfirmDelete,
    Edited,
    FormerEmployee,
    Offline,
    QueuedOffline,
    BackToFeed,
    NotFound,
    Invite,
    InviteByEmail,
    InviteLinkReady,
    AccessCode,
    NewAccessCode,
    AccessCodeReady,
    PendingInvites,
    Revoke,
    Deactivate,
    Reactivate,
    Deactivated,
    ConfirmDeactivate,
    LogOutEverywhere,
    ConfirmLogOutEverywhere,
    LoggedOutEverywhere,
    YourSessions,
    ThisDevice,
    EndSession,
    LastSeen,
    Language,
    JoinBalai,
    JoinIntro,
    YourName,
    ChooseLogin,
    ChoosePassword,
    PasswordHint,
    Join,
    HaveCode,
    Expires,
    Admin,
    Member,
    Role,
    CopyHint,
    JustNow,
    MinutesAgo,
    HoursAgo,
    DaysAgo,
    Characters,
    NetworkError,
    Groups,
    MyGroups,
    AllGroups,
    NewGroup,
    CreateGroup,
    GroupName,
    Description,
    Category,
    Visibility,
    TagsHint,
    CatProject,
    CatBranch,
    CatDepartment,
    CatInterest,
    CatOther,
    VisOpen,
    VisClosed,
    VisSecret,
    OpenGroup,
    ClosedGroup,
    SecretGroup,
    Members,
    JoinGroup,
    AskToJoin,
    AcceptInvitation,
    Requested,
    Invited,
    Leave,
    ConfirmLeave,
    JoinRequests,
    Approve,
    Decline,
    MembersOnly,
    CommunicationsOn,
    CommunicationsOff,
    PlaceEditorOn,
    Map,
    MapUnavailable,
    SearchPlaces,
    Categories,
    AllPlaces,
    BackToMap,
    MapOffline,
    PlacesZoomIn,
    NoPlacesHere,
    PlacesInView,
    NearMe,
    ShowAllInView,
    LocationDenied,
    RestrictedPlace,
    Call,
    Directions,
    PostsAboutPlace,
    SuggestCorrection,
    SuggestionSent,
    WhatIsWrong,
    CorrectPhone,
    CorrectAddress,
    PlaceComposer,
    AtPlace,
    PlaceEditorOff,
    SaveFilter,
    FilterSaved,
    FilterName,
    SavedFilters,
    Pin,
    Unpin,
    Pinned,
    MembersTitle,
    InviteColleague,
    InviteAction,
    Remove,
    ConfirmRemove,
    Owner,
    Manager,
    Search,
    SearchHint,
    Notifications,
    MarkAllRead,
    FilterAll,
    FilterFollowing,
    FilterMine,
    Follow,
    Unfollow,
    NotifyNewPosts,
    Announcement,
    AnnounceForAWeek,
    NMentioned,
    NCommented,
    NReplied,
    NLiked,
    NAndOthers,
    NOthers,
    NGroupPost,
    NJoinRequest,
    NAnnouncement,
    NotificationSettings,
    KindMention,
    KindComment,
    KindReply,
    KindLike,
    KindGroupPost,
    KindJoinRequest,
    KindAnnouncement,
    PeopleResults,
    GroupResults,
    TagResults,
    PostResults,
    CommentResults,
    NoResults,
    GroupComposer,
    InGroup,
}

pub fn text(lang: Lang, m: Msg) -> &'static str {
    use Msg::*;
    let (en, id) = match m {
        AppTagline => ("Your company, together.", "Perusahaan Anda, bersama."),
        Email => ("Email", "Email"),
        EmailOrLogin => ("Email or login", "Email atau nama login"),
        Password => ("Password", "Kata sandi"),
        LogIn => ("Log in", "Masuk"),
        LoggingIn => ("Logging in…", "Sedang masuk…"),
        LogOut => ("Log out", "Keluar"),
        Feed => ("Feed", "Beranda"),
        People => ("People", "Orang"),
        Settings => ("Settings", "Pengaturan"),
        Composer => (
            "Share news with the company…",
            "Bagikan kabar ke seluruh perusahaan…",
        ),
        Post => ("Post", "Kirim"),
        Posting => ("Posting…", "Mengirim…"),
        LoadMore => ("Load more", "Muat lagi"),
        Loading => ("Loading…", "Memuat…"),
        NothingYet => ("Nothing here yet.", "Belum ada apa-apa di sini."),
        Like => ("Like", "Suka"),
        Unlike => ("Unlike", "Batal suka"),
        Comments => ("Comments", "Komentar"),
        WriteComment => ("Write a comment…", "Tulis komentar…"),
        Send => ("Send", "Kirim"),
        Edit => ("Edit", "Ubah"),
        Save => ("Save", "Simpan"),
        Cancel => ("Cancel", "Batal"),
        Delete => ("Delete", "Hapus"),
        ConfirmDelete => ("Delete this for everyone?", "Hapus ini untuk semua orang?"),
        Edited => ("edited", "diubah"),
        FormerEmployee => ("former employee", "mantan karyawan"),
        Offline => (
            "You are offline. You can read what you have seen; new posts are sent when you are back online.",
            "Anda sedang offline. Anda bisa membaca yang sudah dimuat; kiriman baru dikirim saat kembali online.",
        ),
        QueuedOffline => (
            "Waiting for the network — will be sent automatically.",
            "Menunggu jaringan — akan dikirim otomatis.",
        ),
        BackToFeed => ("Back to the feed", "Kembali ke beranda"),
        NotFound => ("This page does not exist.", "Halaman ini tidak ada."),
        Invite => ("Invite", "Undang"),
        InviteByEmail => ("Invite by email", "Undang lewat email"),
        InviteLinkReady => (
            "Invitation ready. Send this link to the person:",
            "Undangan siap. Kirim tautan ini ke orangnya:",
        ),
        AccessCode => ("Access code", "Kode akses"),
        NewAccessCode => (
            "New access code (for staff without email)",
            "Kode akses baru (untuk staf tanpa email)",
        ),
        AccessCodeReady => (
            "Give this one-time code to the person:",
            "Berikan kode sekali pakai ini ke orangnya:",
        ),
        PendingInvites => ("Open invitations", "Undangan yang belum dipakai"),
        Revoke => ("Withdraw", "Tarik"),
        Deactivate => ("Deactivate", "Nonaktifkan"),
        Reactivate => ("Reactivate", "Aktifkan lagi"),
        Deactivated => ("former employee", "mantan karyawan"),
        ConfirmDeactivate => (
            "Deactivate this person? They are logged out everywhere at once; what they wrote stays.",
            "Nonaktifkan orang ini? Mereka langsung keluar dari semua perangkat; tulisannya tetap ada.",
        ),
        LogOutEverywhere => ("Log out everywhere", "Keluarkan di semua perangkat"),
        ConfirmLogOutEverywhere => (
            "Log this person out on every device? They can log in again.",
            "Keluarkan orang ini dari semua perangkat? Mereka bisa masuk lagi.",
        ),
        LoggedOutEverywhere => (
            "Logged out everywhere.",
            "Sudah dikeluarkan dari semua perangkat.",
        ),
        YourSessions => ("Where you are logged in", "Tempat Anda masuk"),
        ThisDevice => ("this device", "perangkat ini"),
        EndSession => ("Log out there", "Keluarkan"),
        LastSeen => ("last active", "terakhir aktif"),
        Language => ("Language", "Bahasa"),
        JoinBalai => ("Join Balai", "Bergabung dengan Balai"),
        JoinIntro => (
            "Set your name and password to get in.",
            "Atur nama dan kata sandi Anda untuk masuk.",
        ),
        YourName => ("Your full name", "Nama lengkap Anda"),
        ChooseLogin => ("Choose a login name", "Pilih nama login"),
        ChoosePassword => ("Choose a password", "Pilih kata sandi"),
        PasswordHint => ("At least 10 characters.", "Minimal 10 karakter."),
        Join => ("Join", "Bergabung"),
        HaveCode => ("Have an access code?", "Punya kode akses?"),
        Expires => ("expires", "berlaku sampai"),
        Admin => ("admin", "admin"),
        Member => ("member", "anggota"),
        Role => ("Role", "Peran"),
        CopyHint => (
            "Shown only once — copy it now.",
            "Hanya ditampilkan sekali — salin sekarang.",
        ),
        JustNow => ("just now", "baru saja"),
        MinutesAgo => ("min ago", "mnt lalu"),
        HoursAgo => ("h ago", "j lalu"),
        DaysAgo => ("d ago", "h lalu"),
        Characters => ("characters left", "karakter tersisa"),
        NetworkError => (
            "Could not reach Balai. Check your connection.",
            "Tidak dapat menghubungi Balai. Periksa koneksi Anda.",
        ),
        Groups => ("Groups", "Grup"),
        MyGroups => ("My groups", "Grup saya"),
        AllGroups => ("All groups", "Semua grup"),
        NewGroup => ("New group", "Grup baru"),
        CreateGroup => ("Create group", "Buat grup"),
        GroupName => ("Name", "Nama"),
        Description => ("Description", "Deskripsi"),
        Category => ("Category", "Kategori"),
        Visibility => ("Who can see it", "Siapa yang bisa melihat"),
        TagsHint => ("Tags (separated by spaces)", "Tag (pisahkan dengan spasi)"),
        CatProject => ("Project", "Proyek"),
        CatBranch => ("Branch", "Cabang"),
        CatDepartment => ("Department", "Departemen"),
        CatInterest => ("Interest", "Minat"),
        CatOther => ("Other", "Lainnya"),
        VisOpen => (
            "Open: anyone can read and join",
            "Terbuka: siapa pun bisa membaca dan bergabung",
        ),
        VisClosed => (
            "Closed: members read; others ask to join",
            "Tertutup: hanya anggota yang membaca; lainnya minta bergabung",
        ),
        VisSecret => (
            "Secret: only members know it exists",
            "Rahasia: hanya anggota yang tahu",
        ),
        OpenGroup => ("Open", "Terbuka"),
        ClosedGroup => ("Closed", "Tertutup"),
        SecretGroup => ("Secret", "Rahasia"),
        Members => ("members", "anggota"),
        JoinGroup => ("Join", "Gabung"),
        AskToJoin => ("Ask to join", "Minta bergabung"),
        AcceptInvitation => ("Accept invitation", "Terima undangan"),
        Requested => ("Request sent", "Permintaan terkirim"),
        Invited => ("Invited", "Diundang"),
        Leave => ("Leave", "Keluar grup"),
        ConfirmLeave => ("Leave this group?", "Keluar dari grup ini?"),
        JoinRequests => ("Requests to join", "Permintaan bergabung"),
        Approve => ("Approve", "Setujui"),
        Decline => ("Decline", "Tolak"),
        MembersOnly => (
            "Only members can read this group.",
            "Hanya anggota yang bisa membaca grup ini.",
        ),
        GroupComposer => ("Write to the group…", "Tulis ke grup…"),
        InGroup => ("in", "di"),
        Search => ("Search", "Cari"),
        SearchHint => (
            "Search posts, people, groups, #tags",
            "Cari kiriman, orang, grup, #tag",
        ),
        Notifications => ("Notifications", "Notifikasi"),
        MarkAllRead => ("Mark all as read", "Tandai semua sudah dibaca"),
        FilterAll => ("All", "Semua"),
        FilterFollowing => ("Following", "Diikuti"),
        FilterMine => ("Mine", "Milik saya"),
        Follow => ("Follow", "Ikuti"),
        Unfollow => ("Following ✓", "Diikuti ✓"),
        NotifyNewPosts => ("Notify me of new posts", "Beri tahu saya kiriman baru"),
        Announcement => ("Announcement", "Pengumuman"),
        AnnounceForAWeek => (
            "Announce to everyone, pinned for 7 days",
            "Umumkan ke semua, disematkan 7 hari",
        ),
        NMentioned => ("mentioned you", "menyebut Anda"),
        NCommented => ("commented on your post", "mengomentari kiriman Anda"),
        NReplied => (
            "also commented on a post you commented on",
            "juga mengomentari kiriman yang Anda komentari",
        ),
        NLiked => ("liked your post", "menyukai kiriman Anda"),
        NAndOthers => ("and", "dan"),
        NOthers => ("others", "lainnya"),
        NGroupPost => ("posted in", "mengirim di"),
        NJoinRequest => ("asked to join", "minta bergabung ke"),
        NAnnouncement => ("published an announcement", "menerbitkan pengumuman"),
        NotificationSettings => ("Notify me about", "Beri tahu saya tentang"),
        KindMention => ("Mentions", "Sebutan"),
        KindComment => ("Comments on my posts", "Komentar di kiriman saya"),
        KindReply => ("Replies after my comments", "Balasan setelah komentar saya"),
        KindLike => ("Likes", "Suka"),
        KindGroupPost => (
            "New posts in groups I follow",
            "Kiriman baru di grup yang saya ikuti",
        ),
        KindJoinRequest => (
            "Requests to join my groups",
            "Permintaan bergabung ke grup saya",
        ),
        KindAnnouncement => ("Announcements", "Pengumuman"),
        PeopleResults => ("People", "Orang"),
        GroupResults => ("Groups", "Grup"),
        TagResults => ("Tags", "Tag"),
        PostResults => ("Posts", "Kiriman"),
        CommentResults => ("Comments", "Komentar"),
        NoResults => ("Nothing found.", "Tidak ditemukan."),
        Pin => ("Pin", "Sematkan"),
        Unpin => ("Unpin", "Lepas sematan"),
        Pinned => ("Pinned", "Disematkan"),
        MembersTitle => ("Members", "Anggota"),
        InviteColleague => ("Invite a colleague", "Undang rekan"),
        InviteAction => ("Invite", "Undang"),
        Remove => ("Remove", "Keluarkan"),
        ConfirmRemove => (
            "Remove this person from the group?",
            "Keluarkan orang ini dari grup?",
        ),
        Owner => ("Owner", "Pemilik"),
        Manager => ("Manager", "Pengelola"),
        SaveFilter => ("☆ Save as a filter", "☆ Simpan sebagai filter"),
        FilterSaved => (
            "Saved: it is on your feed.",
            "Tersimpan: ada di beranda Anda.",
        ),
        FilterName => ("Name this filter", "Beri nama filter ini"),
        SavedFilters => ("Saved filters", "Filter tersimpan"),
        CommunicationsOn => ("📣 Announces: yes", "📣 Boleh mengumumkan: ya"),
        CommunicationsOff => ("📣 Announces: no", "📣 Boleh mengumumkan: tidak"),
        Map => ("Map", "Peta"),
        MapUnavailable => (
            "The map could not load. Check your connection and open it again.",
            "Peta tidak dapat dimuat. Periksa koneksi lalu buka lagi.",
        ),
        SearchPlaces => ("Search places", "Cari tempat"),
        Categories => ("Categories", "Kategori"),
        BackToMap => ("Back to the map", "Kembali ke peta"),
        AllPlaces => ("All places", "Semua tempat"),
        MapOffline => (
            "Offline: showing the places you have seen.",
            "Luring: menampilkan tempat yang pernah Anda lihat.",
        ),
        PlacesZoomIn => (
            "places here: zoom in to list them.",
            "tempat di sini: perbesar untuk melihat daftarnya.",
        ),
        NoPlacesHere => ("No places here.", "Tidak ada tempat di sini."),
        PlacesInView => ("places in view", "tempat terlihat"),
        NearMe => ("Near me", "Di dekat saya"),
        ShowAllInView => ("Show all in view", "Tampilkan semua yang terlihat"),
        LocationDenied => (
            "Your location is not available. Allow location for Balai in the browser's settings.",
            "Lokasi Anda tidak tersedia. Izinkan lokasi untuk Balai di pengaturan peramban.",
        ),
        RestrictedPlace => ("Restricted", "Terbatas"),
        Call => ("Call", "Telepon"),
        Directions => ("Directions", "Petunjuk arah"),
        PostsAboutPlace => ("Posts about this place", "Kiriman tentang tempat ini"),
        SuggestCorrection => (
            "Something wrong? Suggest a correction",
            "Ada yang salah? Usulkan koreksi",
        ),
        SuggestionSent => (
            "Thank you: a map editor will look at it.",
            "Terima kasih: editor peta akan memeriksanya.",
        ),
        WhatIsWrong => ("What is wrong?", "Apa yang salah?"),
        CorrectPhone => (
            "The right phone number (optional)",
            "Nomor telepon yang benar (opsional)",
        ),
        CorrectAddress => (
            "The right address (optional)",
            "Alamat yang benar (opsional)",
        ),
        PlaceComposer => ("Write about", "Tulis tentang"),
        AtPlace => ("at", "di"),
        PlaceEditorOn => ("🗺️ Edits the map: yes", "🗺️ Boleh mengubah peta: ya"),
        PlaceEditorOff => ("🗺️ Edits the map: no", "🗺️ Boleh mengubah peta: tidak"),
    };
    match lang {
        Lang::En => en,
        Lang::Id => id,
    }
}
