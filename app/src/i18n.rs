//! Every user-visible string, in English and Bahasa Indonesia. A missing translation is a
//! compile error: each message is one match arm with both languages.

use leptos::prelude::*;

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

/// The current language, provided once in `App`.
#[derive(Clone, Copy)]
pub struct I18n(pub RwSignal<Lang>);

impl I18n {
    pub fn t(&self, m: Msg) -> &'static str {
        text(self.0.get(), m)
    }

    pub fn set(&self, lang: Lang) {
        crate::storage::set(LANG_KEY, lang.code());
        if let Some(doc) = web_sys::window().and_then(|w| w.document())
            && let Some(html) = doc.document_element()
        {
            let _ = html.set_attribute("lang", lang.code());
        }
        self.0.set(lang);
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
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
    };
    match lang {
        Lang::En => en,
        Lang::Id => id,
    }
}
