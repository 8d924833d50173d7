//! How statuses and categories read, in the reader's language.

use crate::i18n::Msg;
use balai_protocol::ideas::{IdeaCategory, IdeaStatus};

pub fn status(s: IdeaStatus) -> Msg {
    match s {
        IdeaStatus::New => Msg::IdeaNew,
        IdeaStatus::UnderReview => Msg::IdeaUnderReview,
        IdeaStatus::Accepted => Msg::IdeaAccepted,
        IdeaStatus::InProgress => Msg::IdeaInProgress,
        IdeaStatus::Implemented => Msg::IdeaImplemented,
        IdeaStatus::Declined => Msg::IdeaDeclined,
    }
}

pub fn category(c: IdeaCategory) -> Msg {
    match c {
        IdeaCategory::Process => Msg::IdeaCatProcess,
        IdeaCategory::Product => Msg::IdeaCatProduct,
        IdeaCategory::Customer => Msg::IdeaCatCustomer,
        IdeaCategory::Workplace => Msg::IdeaCatWorkplace,
        IdeaCategory::Safety => Msg::IdeaCatSafety,
        IdeaCategory::Cost => Msg::IdeaCatCost,
        IdeaCategory::Other => Msg::IdeaCatOther,
    }
}
